namespace Chorus.Testing;

/// <summary>Paths inside the repository and to the shared evaluation data beside it.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples", "coverage");

    public static string Sample(string name) => Path.Combine(Samples, name);

    /// <summary>../shared/bench, or null when this machine does not have it.</summary>
    public static string? SharedBench
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "bench"));
            return Directory.Exists(path) ? path : null;
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Chorus.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Chorus.slnx) above " + AppContext.BaseDirectory);
    }
}
