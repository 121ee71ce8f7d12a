using System.Text.Json;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.Survival;

public sealed class SurvivalCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("survival-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Task<CliResult> Run(params string[] args) => CliRun.RunAsync([new SurvivalCommand()], TimeProvider.System, args);

    [Fact]
    public async Task RunAsync_Rossi_PrintsFitAsSnakeCaseJson()
    {
        var (_, output, error) = (await Run("survival", "--csv", RossiReference.PathOf("rossi.csv"), "--time", "week", "--event", "arrest",
            "--covariates", "fin,age,race,wexp,mar,paro,prio", "--ties", "breslow")).AssertSucceeded();
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(432, root.GetProperty("n").GetInt32());
        Assert.Equal(114, root.GetProperty("events").GetInt32());
        Assert.Equal("breslow", root.GetProperty("ties").GetString());
        Close.Absolute(RossiReference.Value("coxph breslow", "loglik_model"), root.GetProperty("loglik").GetDouble(), 1e-8, "loglik");
        Close.Absolute(RossiReference.Value("coxph breslow", "loglik_null"), root.GetProperty("loglik_null").GetDouble(), 1e-8, "loglik_null");
        Close.Absolute(RossiReference.Value("coxph breslow", "concordance_harrell"), root.GetProperty("concordance").GetDouble(), 1e-9, "concordance");
        Close.Absolute(RossiReference.Value("coxph breslow", "lr_test"), root.GetProperty("likelihood_ratio_test").GetProperty("statistic").GetDouble(), 1e-8, "lr");
        var fin = root.GetProperty("coefficients")[0];
        Assert.Equal("fin", fin.GetProperty("term").GetString());
        Close.Relative(RossiReference.Value("coxph breslow", "coef", "fin"), fin.GetProperty("coef").GetDouble(), 1e-7, "coef fin");
        Close.Relative(RossiReference.Value("coxph breslow", "se", "fin"), fin.GetProperty("se").GetDouble(), 1e-7, "se fin");
        Close.Relative(RossiReference.Value("coxph breslow", "p", "fin"), fin.GetProperty("p").GetDouble(), 1e-7, "p fin");
        Close.Relative(RossiReference.Value("coxph breslow", "exp_coef", "fin"), fin.GetProperty("hazard_ratio").GetDouble(), 1e-7, "hr fin");
        Assert.True(fin.GetProperty("hr_lower_95").GetDouble() < fin.GetProperty("hazard_ratio").GetDouble());
        Assert.True(fin.GetProperty("hr_upper_95").GetDouble() > fin.GetProperty("hazard_ratio").GetDouble());
    }

    [Fact]
    public async Task RunAsync_BadCsv_ReportsRowOnStderrAndExits1()
    {
        var csv = Path.Combine(_directory, "bad.csv");
        await File.WriteAllTextAsync(csv, "week,arrest,fin\n3,1,0\n5,yes,1\n");
        var (_, output, error) = (await Run("survival", "--csv", csv, "--time", "week", "--event", "arrest", "--covariates", "fin")).AssertExit(1);
        Assert.Equal("", output);
        Assert.Contains("rij 2, kolom 'arrest'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownTies_IsUsageError()
    {
        var (_, _, error) = (await Run("survival", "--csv", RossiReference.PathOf("rossi.csv"), "--time", "week", "--event", "arrest",
            "--covariates", "fin", "--ties", "exact")).AssertExit(1);
        Assert.Contains("optie --ties moet efron of breslow zijn, niet 'exact'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EstimateRunsToInfinity_SaysTheModelCannotBeEstimatedAndExits1()
    {
        var csv = Path.Combine(_directory, "tiny.csv");
        await File.WriteAllTextAsync(csv, "week,arrest,fin\n1,1,0\n2,0,1\n");
        var (_, output, error) = (await Run("survival", "--csv", csv, "--time", "week", "--event", "arrest", "--covariates", "fin")).AssertExit(1);
        Assert.Equal("", output);
        Assert.StartsWith($"matchengine survival: {csv}: het Cox-model is niet te schatten op deze gegevens: fin: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
