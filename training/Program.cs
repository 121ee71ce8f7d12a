using MatchEngine.Training.Cli;

ICommand[] commands =
[
    new ImportCommand(),
    new SearchCommand(),
    new SynthCommand(),
    new TrainCommand(),
    new EvaluateCommand(),
    new ExportCommand(),
    new ShortlistCommand(),
    new RecommendCommand(),
    new CarveCommand(),
    new RoutesCommand(),
    new SurvivalCommand(),
    new TokenCommand(),
    new AuditCommand(),
    new ModelsCommand(),
    new HerinstroomCommand(),
    new SroiCommand(),
    new CeilingCommand(),
];
return await new CommandLine(commands).RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
