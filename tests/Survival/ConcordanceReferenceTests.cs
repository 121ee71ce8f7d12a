using MatchEngine.Models.Survival;

namespace MatchEngine.Tests.Survival;

public class ConcordanceReferenceTests
{
    [Theory]
    [InlineData("efron")]
    [InlineData("breslow")]
    public void Compute_RossiLinearPredictor_MatchesRConcordance(string ties)
    {
        var data = RossiReference.Data;
        var model = data.FitCox(ties == "efron" ? CoxTies.Efron : CoxTies.Breslow);
        var risk = data.Covariates.Select(model.LinearPredictor).ToArray();
        var result = Concordance.Compute(data.Time, data.Event, risk);
        var analysis = $"coxph {ties}";
        Assert.Equal((long)RossiReference.Value(analysis, "concordant"), result.Concordant);
        Assert.Equal((long)RossiReference.Value(analysis, "discordant"), result.Discordant);
        Assert.Equal((long)RossiReference.Value(analysis, "tied.x"), result.TiedRisk);
        Assert.Equal((long)RossiReference.Value(analysis, "tied.y"), result.TiedTime);
        Assert.Equal((long)RossiReference.Value(analysis, "tied.xy"), result.TiedBoth);
        Close.Absolute(RossiReference.Value(analysis, "concordance_harrell"), result.C, 1e-9, "concordance");
        Close.Relative(RossiReference.Value(analysis, "concordance_harrell_se"), result.StandardError, 1e-6, "concordance se");
    }

    [Fact]
    public void Compute_RossiWithTiedRisks_AgreesWithPairwiseOracle()
    {
        var data = RossiReference.Data;
        var risk = data.Covariates.Select(x => x[6]).ToArray(); // prio alone: many ties
        var fast = Concordance.Compute(data.Time, data.Event, risk);
        var slow = PairwiseConcordance.Compute(data.Time, data.Event, risk);
        Assert.Equal(slow, (fast.Concordant, fast.Discordant, fast.TiedRisk, fast.TiedTime, fast.TiedBoth));
    }
}
