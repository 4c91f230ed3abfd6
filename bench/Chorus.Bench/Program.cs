using Chorus.Bench;

return BenchApp.Run(args);
