using Chorus.IntegrationTests.Support;
using Chorus.Storage;

namespace Chorus.IntegrationTests.Cli;

/// <summary>What <c>chorus ingest</c> stores, counts and says for inputs a new user is likely to try.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chorus-ingest-").FullName;

    private string Database => Path.Combine(_directory, "chorus.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void RecordsWhoseBodiesAreWrappedInParagraphTagsAreStoredAsDifferentArticles()
    {
        var export = Write("export.jsonl", string.Join('\n',
            """{"id":"a","title":"Harbour news","text":"<p>The ferry to Vormsi will run twice a day from Monday, the operator said on Friday.</p>"}""",
            """{"id":"b","title":"Harbour news","text":"<p>A new fish market opened on the quay in Haapsalu with eleven stalls and a smokehouse.</p>"}"""));
        var result = CliRunner.Run("ingest", "--db", Database, export);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 inputs: 2 stored, 0 duplicates, 0 rejected.", result.Out, StringComparison.Ordinal);
        using var store = SqliteStore.Open(Database);
        Assert.Contains(store.Articles(), a => a.Article.Text.StartsWith("A new fish market opened", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatWasDroppedFromAStoredArticleIsToldOnStderrUnlessQuiet()
    {
        var export = Write("export.jsonl",
            """{"id":"a","title":"Harbour news","text":"The ferry to Vormsi will run twice a day from Monday, the operator said on Friday.\n\nLeave a comment\n\nTickets go on sale at the harbour office on Saturday morning."}""");

        var loud = CliRunner.Run("ingest", "--db", Database, export);
        Assert.Contains("warning: ", loud.Error, StringComparison.Ordinal);
        Assert.Contains("dropped as page chrome, first \"Leave a comment\"", loud.Error, StringComparison.Ordinal);

        var quiet = CliRunner.Run("ingest", "--db", Path.Combine(_directory, "other.db"), "--quiet", export);
        Assert.Equal("", quiet.Error);
    }

    [Fact]
    public async Task AnIngestKeptWaitingByAnotherWriterSaysSoThenStores()
    {
        using (SqliteStore.Open(Database))
        {
        }

        var page = Write("ferry.txt", "The ferry to Vormsi will run twice a day from Monday, the operator said on Friday.");
        using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Pooling=False");
        other.Open();
        using var othersWrite = other.BeginTransaction(deferred: false);
        var released = Task.Delay(TimeSpan.FromSeconds(2.5)).ContinueWith(_ => othersWrite.Rollback(), TaskScheduler.Default);

        var result = await Task.Run(() => CliRunner.Run("ingest", "--db", Database, page));
        await released;

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("chorus ingest: waiting for another writer to finish with the store", result.Error, StringComparison.Ordinal);
        Assert.Contains("1 input: 1 stored", result.Out, StringComparison.Ordinal);
    }
}
