namespace Chorus;

/// <summary>How bad a problem is: a warning keeps the input, an error rejects it.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>
/// A problem found in one input, reported as data instead of thrown.
/// <paramref name="Input"/> names the file, record or line; <paramref name="Offset"/> locates it when known.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Input, string Message, long? Offset = null)
{
    public static Diagnostic Error(string input, string message, long? offset = null) => new(Severity.Error, input, message, offset);

    public static Diagnostic Warning(string input, string message, long? offset = null) => new(Severity.Warning, input, message, offset);

    public override string ToString() =>
        Offset is { } at ? $"{Input}#{at}: {Message}" : $"{Input}: {Message}";
}
