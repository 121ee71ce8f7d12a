using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MatchEngine.Benchmarks.ImportBenchmarks).Assembly).Run(args);
