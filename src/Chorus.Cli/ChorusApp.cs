namespace Chorus.Cli;

/// <summary>Dispatches to the commands; turns usage errors into exit code 2 and never lets an exception escape.</summary>
internal static class ChorusApp
{
    public static IReadOnlyList<Command> Commands { get; } =
    [
        new ExtractCommand(),
        new ClusterCommand(),
        new BriefCommand(),
        new IngestCommand(),
        new WorkerCommand(),
        new StoriesCommand(),
        new ShowCommand(),
        new ServeCommand(),
        new DemoCommand(),
    ];

    public static int Run(IReadOnlyList<string> args, Console console)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            if (args.Count > 1 && Commands.FirstOrDefault(c => c.Name == args[1]) is { } topic)
            {
                console.Out.Write(topic.Help());
                return 0;
            }

            console.Out.Write(Overview());
            return args.Count == 0 ? 2 : 0;
        }

        if (args[0] == "--version")
        {
            console.Out.WriteLine($"chorus {typeof(ChorusApp).Assembly.GetName().Version?.ToString(3)}");
            return 0;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            console.Error.WriteLine($"chorus: unknown command '{args[0]}'. Run 'chorus --help' to see the commands.");
            return 2;
        }

        try
        {
            var parsed = command.Parse(args.Skip(1).ToList());
            if (parsed.Has("--help"))
            {
                console.Out.Write(command.Help());
                return 0;
            }

            return command.Run(parsed, console);
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"chorus {command.Name}: {e.Message}");
            console.Error.WriteLine($"Run 'chorus {command.Name} --help' for usage.");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Storage.StoreException or Chorus.Queue.QueueUnavailableException)
        {
            console.Error.WriteLine($"chorus {command.Name}: {e.Message}");
            return 1;
        }
    }

    private static string Overview()
    {
        var lines = new List<string>
        {
            "chorus: reads the coverage of news events from many outlets and says what happened,",
            "what the sources agree on, and where they contradict each other.",
            "",
            "Usage: chorus COMMAND [OPTIONS] [PATH...]",
            "",
            "Commands:",
        };
        var width = Commands.Max(c => c.Name.Length) + 2;
        lines.AddRange(Commands.Select(c => $"  {c.Name.PadRight(width)}{c.Summary}"));
        lines.Add("");
        lines.Add("Run 'chorus COMMAND --help' for a command's options and examples.");
        lines.Add("Start with 'chorus demo' to see a brief built from the bundled sample coverage.");
        return string.Join('\n', lines) + "\n";
    }
}
