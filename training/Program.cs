using MatchEngine.Training.Cli;

ICommand[] commands =
[
    new SurvivalCommand(),
];
return await new CommandLine(commands).RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
