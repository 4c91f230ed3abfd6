namespace Chorus.Cli;

/// <summary>One option of a command: its name, whether it takes a value, and the help line that teaches it.</summary>
internal sealed record OptionSpec(string Name, string? ValueName, string Help, string? Default = null, string[]? Allowed = null);

/// <summary>A parsed command line: options by name and the positional arguments.</summary>
internal sealed class ParsedArguments
{
    public Dictionary<string, string?> Options { get; } = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    public bool Has(string name) => Options.ContainsKey(name);

    public string? Value(string name) => Options.GetValueOrDefault(name);
}

/// <summary>A usage error: exits 2 with the message and a pointer to --help.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A command's contract: name, summary, options, and what it does.</summary>
internal abstract class Command
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    public abstract string Usage { get; }

    public virtual string Details => "";

    public abstract IReadOnlyList<OptionSpec> Options { get; }

    public abstract int Run(ParsedArguments arguments, Console console);

    public ParsedArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new ParsedArguments();
        var onlyPositionals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || arg == "-" || !arg.StartsWith('-'))
            {
                parsed.Positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }

            var name = arg;
            string? inline = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[..equals];
                inline = arg[(equals + 1)..];
            }

            if (name is "-h")
            {
                name = "--help";
            }

            var spec = Options.FirstOrDefault(o => o.Name == name)
                ?? throw new UsageException($"unknown option '{name}' for '{Name}'");
            if (spec.ValueName is null)
            {
                if (inline is not null)
                {
                    throw new UsageException($"option '{name}' takes no value");
                }

                parsed.Options[name] = null;
                continue;
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"option '{name}' needs a value ({spec.ValueName})"));
            if (spec.Allowed is { } allowed && !allowed.Contains(value, StringComparer.Ordinal))
            {
                throw new UsageException($"'{value}' is not a valid {spec.ValueName} for '{name}'; use one of: {string.Join(", ", allowed)}");
            }

            parsed.Options[name] = value;
        }

        return parsed;
    }

    public string Help()
    {
        var lines = new List<string> { $"{Summary}", "", $"Usage: chorus {Usage}", "" };
        if (Details.Length > 0)
        {
            lines.Add(Details.TrimEnd());
            lines.Add("");
        }

        lines.Add("Options:");
        var width = Options.Max(o => Label(o).Length) + 2;
        foreach (var option in Options)
        {
            var suffix = option.Default is null ? "" : $" (default: {option.Default})";
            lines.Add($"  {Label(option).PadRight(width)}{option.Help}{suffix}");
        }

        return string.Join('\n', lines) + "\n";
    }

    protected static int IntOption(ParsedArguments arguments, string name, int fallback, int min, int max)
    {
        var value = arguments.Value(name);
        if (value is null)
        {
            return fallback;
        }

        if (!int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            throw new UsageException($"'{value}' is not a valid number for '{name}' (use {min} to {max})");
        }

        return number;
    }

    private static string Label(OptionSpec option) => option.ValueName is null ? option.Name : $"{option.Name} {option.ValueName}";
}

/// <summary>The process's standard streams, injectable so tests run commands in-process.</summary>
internal sealed record Console(TextWriter Out, TextWriter Error, Func<Stream> OpenInput, bool ErrorIsTerminal)
{
    public static Console System() =>
        new(global::System.Console.Out, global::System.Console.Error, global::System.Console.OpenStandardInput, !global::System.Console.IsErrorRedirected);
}
