namespace Chorus.IntegrationTests.Support;

/// <summary>A test that reads ../shared/bench; it is skipped, with the reason, on a machine that lacks it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute(params string[] parts)
    {
        if (parts.FirstOrDefault(part => Repository.SharedBench is not { } bench || !Directory.Exists(Path.Combine(bench, part))) is { } absent)
        {
            Skip = $"../shared/bench/{absent} is absent on this machine";
        }
    }
}

/// <summary>A theory that reads ../shared/bench; it is skipped, with the reason, on a machine that lacks it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BenchTheoryAttribute : TheoryAttribute
{
    public BenchTheoryAttribute(params string[] parts)
    {
        if (parts.FirstOrDefault(part => Repository.SharedBench is not { } bench || !Directory.Exists(Path.Combine(bench, part))) is { } absent)
        {
            Skip = $"../shared/bench/{absent} is absent on this machine";
        }
    }
}
