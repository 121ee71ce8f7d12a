using MatchEngine.Api.WebConsole;
using MatchEngine.Engine;
using MatchEngine.Engine.Contract;
using MatchEngine.Models.Registry;

namespace MatchEngine.Tests.Console;

/// <summary>The console's sentence for each failure the user can act on: the engine's own Dutch reason, in one line.</summary>
public sealed class ConsoleErrorsTests
{
    [Fact]
    public void InvalidRequest_NamesTheFieldAndTheReason()
    {
        var (sentence, status) = ConsoleErrors.Known(new InvalidRequestException("top", "moet 1–100 zijn, niet 500"))!.Value;
        Assert.Equal("De invoer bij 'top' klopt niet: moet 1–100 zijn, niet 500.", sentence);
        Assert.Equal(400, status);
    }

    [Fact]
    public void PreconditionFailed_SaysWhatIsMissingAndHowToFixIt_OnOneLine()
    {
        var (sentence, status) = ConsoleErrors.Known(new PreconditionFailedException("er is nog geen ranker getraind:\nvoer eerst `train ranker` uit"))!.Value;
        Assert.Equal("Dit kan nu niet: er is nog geen ranker getraind: voer eerst `train ranker` uit.", sentence);
        Assert.Equal(409, status);
    }

    [Fact]
    public void NotFound_KeepsThePrivacyWording()
    {
        var (sentence, status) = ConsoleErrors.Known(new RecordNotFoundException(EntityKind.SroiContract, "s1"))!.Value;
        Assert.Equal("SROI-contract s1 bestaat niet, of u mag deze niet inzien.", sentence);
        Assert.Equal(404, status);
    }

    [Fact]
    public void RegistryFailures_CarryTheirOwnReason()
    {
        Assert.Equal("Modelversie 'ranker-v0009' bestaat niet.", ConsoleErrors.Known(new ModelVersionNotFoundException("ranker-v0009"))!.Value.Sentence);
        Assert.Equal("Alleen een beheerder mag de eerlijkheidstoets opheffen.",
            ConsoleErrors.Known(new AdminOnlyException("alleen een beheerder mag de eerlijkheidstoets opheffen"))!.Value.Sentence);
        Assert.Equal("U heeft hier geen toegang toe: regio Utrecht valt buiten uw regio's.",
            ConsoleErrors.Known(new AccessDeniedException("regio Utrecht valt buiten uw regio's"))!.Value.Sentence);
    }

    [Fact]
    public void ContractViolation_NamesEachFieldAndItsReason()
    {
        var e = new ContractViolationException("vacancy", "v1", [new FieldViolation("hours_min", "ontbreekt"), new FieldViolation("region", "ontbreekt")]);
        Assert.Equal("De gegevens voldoen niet aan het contract: hours_min: ontbreekt; region: ontbreekt.", ConsoleErrors.Known(e)!.Value.Sentence);
    }

    [Fact]
    public void AnythingElse_IsNotForTheUser() => Assert.Null(ConsoleErrors.Known(new InvalidOperationException("boom")));
}
