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
}
