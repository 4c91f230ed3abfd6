using System.Text;
using Chorus.Cli;

namespace Chorus.IntegrationTests.Support;

/// <summary>The outcome of one CLI run: exit code and both streams.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the CLI in-process with captured streams, as a user would from a shell.</summary>
internal static class CliRunner
{
    public static CliResult Run(params string[] args) => Run(stdin: null, args);

    public static CliResult Run(byte[]? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new Chorus.Cli.Console(output, error, () => new MemoryStream(stdin ?? []), ErrorIsTerminal: false);
        var code = ChorusApp.Run(args, console);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
