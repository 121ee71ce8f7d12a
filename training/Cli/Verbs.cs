namespace MatchEngine.Training.Cli;

/// <summary>Every verb of the <c>matchengine</c> tool, in the order <c>matchengine help</c> lists them.</summary>
public static class Verbs
{
    /// <summary>A fresh instance of each verb.</summary>
    public static ICommand[] All() =>
    [
        new ImportCommand(),
        new DeleteCommand(),
        new GetCommand(),
        new SearchCommand(),
        new SynthCommand(),
        new TrainCommand(),
        new EvaluateCommand(),
        new ExportCommand(),
        new ShortlistCommand(),
        new RecommendCommand(),
        new OutcomeCommand(),
        new CarveCommand(),
        new RoutesCommand(),
        new ReadyCommand(),
        new AdviceCommand(),
        new TrainingNeedsCommand(),
        new SurvivalCommand(),
        new TokenCommand(),
        new AuditCommand(),
        new ModelsCommand(),
        new HerinstroomCommand(),
        new NazorgCommand(),
        new SroiCommand(),
        new CeilingCommand(),
        new LabelsCommand(),
    ];
}
