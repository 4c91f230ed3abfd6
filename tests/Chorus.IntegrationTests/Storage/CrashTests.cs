using System.Text;
using Chorus.IntegrationTests.Support;
using Chorus.Storage;
using Microsoft.Data.Sqlite;

namespace Chorus.IntegrationTests.Storage;

/// <summary>
/// Durability: an ingest killed with SIGKILL in the middle leaves a store that opens clean, holds only whole
/// articles (each with its ledger row), and a re-run of the same ingest completes the job.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chorus-crash-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void AnIngestKilledMidwayLeavesACleanStoreAndARerunCompletesIt()
    {
        // Large enough that the ingest runs for seconds after its first commit, even on a fast machine.
        const int articles = 20000;
        var input = Path.Combine(_directory, "stream.jsonl");
        File.WriteAllText(input, Stream(articles));
        var database = Path.Combine(_directory, "chorus.db");

        // Kill the process as soon as it reports its first committed batch, while it is still writing. The test
        // reads stderr itself, line by line, so a busy thread pool cannot delay the kill.
        using (var ingest = CliProcess.Start("ingest", "--db", database, input))
        {
            var seen = new StringBuilder();
            string? line;
            while ((line = ingest.StandardError.ReadLine()) is not null && !line.Contains("inputs (", StringComparison.Ordinal))
            {
                seen.AppendLine(line);
            }

            Assert.True(line is not null, $"the ingest ended before it reported a committed batch; it printed:\n{seen}");
            Assert.False(ingest.HasExited, "the ingest finished before it could be killed; the test needs a larger input");
            ingest.Kill(entireProcessTree: true);
            ingest.WaitForExit();
        }

        using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            connection.Open();
            Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
            var stored = Convert.ToInt64(Scalar(connection, "SELECT COUNT(*) FROM articles"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(stored, 1, articles - 1);
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM ledger l WHERE l.article_id = a.id AND l.state = 'stored')"));
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM articles WHERE text = '' OR story_id NOT IN (SELECT id FROM stories)"));
        }

        SqliteConnection.ClearAllPools();
        using (var rerun = CliProcess.Start("ingest", "--db", database, "--quiet", input))
        {
            rerun.BeginErrorReadLine();
            Assert.True(rerun.WaitForExit(TimeSpan.FromMinutes(3)));
            Assert.Equal(0, rerun.ExitCode);
        }

        using var store = SqliteStore.Open(database);
        Assert.Equal(articles, store.Articles().Count);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Distinct team-written articles on a handful of invented events, as JSONL.</summary>
    internal static string Stream(int count)
    {
        string[] places = ["Tallinn", "Riga", "Helsinki", "Turku", "Gdansk", "Klaipeda", "Visby", "Oulu"];
        string[] events = ["a ferry strike", "a quota dispute", "a harbour fire", "a port closure", "a fishing ban", "a storm warning"];
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var place = places[i % places.Length];
            var what = events[i / places.Length % events.Length];
            var text = $"Officials in {place} reported {what} on day {i} of the season. Crews and residents were told to expect {i % 17 + 2} days of disruption. "
                + $"The regional council said report number {i} would be published next week, and that {i * 7 % 1000} households were affected.";
            builder.Append("{\"id\":\"a").Append(i).Append("\",\"title\":\"").Append(place).Append(": ").Append(what).Append(" report ").Append(i)
                .Append("\",\"url\":\"https://news.example/").Append(i).Append("\",\"text\":\"").Append(text).Append("\"}\n");
        }

        return builder.ToString();
    }
}
