using System.Diagnostics;

namespace Chorus.IntegrationTests.Support;

/// <summary>The CLI as a process of its own, as a second terminal would run it (the test output holds Chorus.Cli.dll).</summary>
internal static class CliProcess
{
    /// <summary>Starts the CLI with stderr redirected (to read progress) and stdout left to the test host.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = false, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Chorus.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Waits for a started CLI to end and gives its exit code and what it wrote on stderr.</summary>
    public static async Task<(int ExitCode, string Error)> EndAsync(Process process, TimeSpan timeout)
    {
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the CLI did not end within {timeout}: {process.StartInfo.ArgumentList.Skip(1).Aggregate((a, b) => a + " " + b)}");
        }

        return (process.ExitCode, await error);
    }
}
