using System.Diagnostics;

namespace Chorus.IntegrationTests.Cli;

/// <summary>
/// The ./chorus script's first-run build, run in a copy of the script with a stand-in for <c>dotnet</c> on the PATH:
/// what a new user sees while it builds, and when it fails.
/// </summary>
public sealed class ChorusScriptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("chorus-script-").FullName;

    public ChorusScriptTests()
    {
        File.Copy(Path.Combine(Repository.Root, "chorus"), Path.Combine(_root, "chorus"));
        Directory.CreateDirectory(Path.Combine(_root, "src"));
        File.WriteAllText(Path.Combine(_root, "src", "Program.cs"), "// stand-in source\n");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.WriteAllText(Path.Combine(_root, file), "");
        }

        Directory.CreateDirectory(Path.Combine(_root, "bin"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A stand-in dotnet: "publish" prints what dotnet publish prints (and fails when told to), anything else runs the CLI.</summary>
    private void FakeDotnet(bool buildFails)
    {
        var path = Path.Combine(_root, "bin", "dotnet");
        File.WriteAllText(path, $$"""
            #!/usr/bin/env bash
            if [[ "$1" == publish ]]; then
              echo "  Determining projects to restore..."
              echo "  Chorus -> /somewhere/Chorus.dll"
              {{(buildFails ? "echo \"Program.cs(3,1): error CS1002: ; expected\"; exit 1" : "")}}
              echo "  Chorus.Cli -> /somewhere/Chorus.Cli.dll"
              while [[ $# -gt 0 && "$1" != -o ]]; do shift; done
              out="$2"
              mkdir -p "$out" && touch "$out/Chorus.Cli.dll"
              exit 0
            fi
            echo "the CLI ran${DOTNET_TieredCompilation+ with DOTNET_TieredCompilation=$DOTNET_TieredCompilation}"
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private (int Code, string Out, string Error) RunScript(string command = "--version", string? tiered = null)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(_root, "chorus"), command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{Path.Combine(_root, "bin")}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment.Remove("DOTNET_TieredCompilation");
        if (tiered is not null)
        {
            start.Environment["DOTNET_TieredCompilation"] = tiered;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    [Fact]
    public void TheFirstBuildSaysHowLongItTakesAndNamesEachProjectAsItIsBuilt()
    {
        FakeDotnet(buildFails: false);
        var (code, output, error) = RunScript();

        Assert.Equal(0, code);
        Assert.Equal("the CLI ran\n", output);
        Assert.Contains("about 3 minutes on first run", error, StringComparison.Ordinal);
        Assert.Contains("chorus: built Chorus\n", error, StringComparison.Ordinal);
        Assert.Contains("chorus: built Chorus.Cli\n", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Determining projects", error, StringComparison.Ordinal);
        Assert.Contains("Determining projects", File.ReadAllText(Path.Combine(_root, ".build", "cli", "build.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedBuildPrintsItsWholeLogAndExitsWithThree()
    {
        FakeDotnet(buildFails: true);
        var (code, _, error) = RunScript();

        Assert.Equal(3, code);
        Assert.Contains("error CS1002", error, StringComparison.Ordinal);
        Assert.Contains("Determining projects", error, StringComparison.Ordinal);
        Assert.Contains("chorus: build failed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkerRunsWithoutTieredCompilationUnlessTheEnvironmentSaysOtherwise()
    {
        FakeDotnet(buildFails: false);

        Assert.Equal("the CLI ran with DOTNET_TieredCompilation=0\n", RunScript("worker").Out);
        Assert.Equal("the CLI ran with DOTNET_TieredCompilation=1\n", RunScript("worker", tiered: "1").Out);
        Assert.Equal("the CLI ran\n", RunScript("ingest").Out);
    }
}
