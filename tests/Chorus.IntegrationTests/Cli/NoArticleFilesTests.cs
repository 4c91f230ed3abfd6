using Chorus.IntegrationTests.Support;

namespace Chorus.IntegrationTests.Cli;

/// <summary>A PATH that holds no article files fails with its name and what was found there, instead of succeeding with nothing.</summary>
public sealed class NoArticleFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chorus-nothing-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string Folder(string name, params (string File, byte[] Bytes)[] files)
    {
        var folder = Path.Combine(_directory, name);
        Directory.CreateDirectory(folder);
        foreach (var (file, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(folder, file), bytes);
        }

        return folder;
    }

    private static string[] Command(string command, string path, string database) =>
        command == "ingest" ? [command, "--db", database, path] : [command, path];

    [Theory]
    [InlineData("extract")]
    [InlineData("cluster")]
    [InlineData("brief")]
    [InlineData("ingest")]
    public void AnEmptyDirectoryFailsAndIsNamed(string command)
    {
        var empty = Folder("empty");
        var result = CliRunner.Run(Command(command, empty, Path.Combine(_directory, "a.db")));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"chorus: {empty}: no article files", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("cluster")]
    [InlineData("brief")]
    [InlineData("ingest")]
    public void ADirectoryOfNotesAndABinarySaysWhatItFound(string command)
    {
        var notes = Folder("notes", ("todo.md", "# Things to read\n"u8.ToArray()), ("ideas.md", "- ferries\n"u8.ToArray()), ("logo.bin", [0, 1, 2, 3, 0xFF]));
        var result = CliRunner.Run(Command(command, notes, Path.Combine(_directory, "b.db")));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"chorus: {notes}: no article files: 3 files of unknown kind skipped", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileOfUnknownKindBesideArticlesIsCountedAsSkippedAndNamed()
    {
        var folder = Folder("mixed", ("ferry.txt", "The ferry to Vormsi will run twice a day from Monday, the operator said on Friday."u8.ToArray()), ("notes.md", "# Things to read\n"u8.ToArray()));

        var extract = CliRunner.Run("extract", folder);
        Assert.Equal(0, extract.ExitCode);
        Assert.Contains("skipped 1 input that is not a page: 1 file of unknown kind", extract.Error, StringComparison.Ordinal);

        var ingest = CliRunner.Run("ingest", "--db", Path.Combine(_directory, "c.db"), folder);
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("2 inputs: 1 stored, 0 duplicates, 0 rejected, 1 skipped", ingest.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void IngestCreatesNoStoreWhenNoPathHoldsAnInput()
    {
        var database = Path.Combine(_directory, "never.db");
        var result = CliRunner.Run("ingest", "--db", database, Folder("empty"), Path.Combine(_directory, "missing.txt"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("missing.txt: no such file or directory", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public void AMissingPathCountsAsOneInputInTheIngestProgress()
    {
        var result = CliRunner.Run("ingest", "--db", Path.Combine(_directory, "c.db"), Path.Combine(_directory, "missing.txt"), Repository.Sample("bws-cod-truce.txt"));
        Assert.Contains("chorus ingest: 2 of 2 inputs", result.Error, StringComparison.Ordinal);
        Assert.Contains("2 inputs: 1 stored, 0 duplicates, 1 rejected.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void BriefEachDirOfADirectoryWithoutSubdirectoriesFailsAndSaysSo()
    {
        var flat = Folder("flat", ("one.txt", "The ferry to Vormsi will run twice a day from Monday, the operator said."u8.ToArray()));
        var result = CliRunner.Run("brief", "--each-dir", flat);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{flat}: no subdirectories", result.Error, StringComparison.Ordinal);
    }
}
