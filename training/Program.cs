using MatchEngine.Training.Cli;

return await new CommandLine(Verbs.All()).RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
