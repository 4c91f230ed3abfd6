namespace Chorus.Ingest;

/// <summary>Bounds that protect the readers from hostile or broken input. Each has a sane default.</summary>
public sealed record InputLimits
{
    /// <summary>Largest page or record accepted, after decompression.</summary>
    public long MaxPageBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Largest input read whole from a stream (standard input, an upload): four pages.</summary>
    public long MaxStreamBytes => MaxPageBytes * 4;

    /// <summary>Largest ratio of decompressed to compressed size before a gzip stream counts as a bomb.</summary>
    public double MaxDecompressionRatio { get; init; } = 200;

    /// <summary>Largest JSONL file line, in characters.</summary>
    public int MaxLineChars { get; init; } = 16 * 1024 * 1024;

    /// <summary>Largest .json document (read whole, unlike JSONL which streams line by line).</summary>
    public long MaxJsonBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Longest time extraction may spend on one page before it is given up with its reason.</summary>
    public TimeSpan MaxPageTime { get; init; } = TimeSpan.FromSeconds(10);

    public static InputLimits Default { get; } = new();
}
