using System.Globalization;
using System.Text.Json;
using Chorus.IntegrationTests.Support;
using Chorus.Storage;

namespace Chorus.IntegrationTests.Storage;

/// <summary>
/// Writers of different partitions (a language and a fourteen-day window) write at once on PostgreSQL, while writers
/// of one partition, and a whole-store write such as a revision, take turns; SQLite has one writer at a time. Inputs
/// that fall in different partitions, written at once, end in the stories of the same runs one after the other.
/// </summary>
public sealed class PartitionTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private static readonly StorePartition EnglishInMarch = StorePartition.Of("en", new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UnixEpoch);
    private static readonly StorePartition GermanInMarch = EnglishInMarch with { Language = "de" };

    private readonly TestStores _stores = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("chorus-partitions-").FullName;

    public void Dispose()
    {
        _stores.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task AWriteOfOnePartitionHoldsBackOnlyWhatSharesItOnPostgresAndEverythingOnSqlite(string engine)
    {
        var database = _stores.New(engine);
        using (Stores.Open(database))
        {
        }

        using var holder = Stores.Open(database);
        using var other = Stores.Open(database, writeWait: TimeSpan.FromSeconds(1));
        using var entered = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var holding = Task.Run(() => holder.Write([EnglishInMarch], () =>
        {
            entered.Release();
            return release.Wait(Patience);
        }));
        Assert.True(await entered.WaitAsync(Patience));

        bool Writes(Func<bool> write)
        {
            try
            {
                return write();
            }
            catch (StoreException e) when (e.Message.Contains("stayed locked by another writer", StringComparison.Ordinal))
            {
                return false;
            }
        }

        var otherLanguage = Writes(() => other.Write([GermanInMarch], () => true));
        var weeksLater = Writes(() => other.Write([EnglishInMarch with { Window = EnglishInMarch.Window + 3 }], () => true));
        var samePartition = Writes(() => other.Write([GermanInMarch, EnglishInMarch], () => true));
        var wholeStore = Writes(() => other.Write(() => true));
        release.Release();
        Assert.True(await holding);

        Assert.Equal(engine == TestStores.Postgres, otherLanguage);
        Assert.Equal(engine == TestStores.Postgres, weeksLater);
        Assert.False(samePartition);
        Assert.False(wholeStore);
        Assert.True(other.Write([EnglishInMarch], () => true)); // free again once the holder committed
    }

    [Theory, OnPostgres]
    public async Task AWriterThatStoresWhatAWriterOfAnotherPartitionStoredMeanwhileIsToldToTryAgain(string engine)
    {
        var database = _stores.New(engine);
        using var first = Stores.Open(database);
        using var second = Stores.Open(database);
        var run = first.BeginRun(DateTimeOffset.UnixEpoch);
        NewArticle Article(string text, StorePartition partition) => new(
            new Chorus.Extraction.Article("narva-ferry", "test", null, "Ferry", "Baltic Wire", null, null, partition.Language, text), text, "s1", partition, []);

        using var entered = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var firstWrite = Task.Run(() => first.Write([EnglishInMarch], () =>
        {
            first.Commit(run, DateTimeOffset.UnixEpoch, [Article("The ferry to Narva sails again.", EnglishInMarch)], [], []);
            entered.Release();
            return release.Wait(Patience);
        }));
        Assert.True(await entered.WaitAsync(Patience));
        var secondWrite = Task.Run(() => second.Write([GermanInMarch], () =>
        {
            second.Commit(run, DateTimeOffset.UnixEpoch, [Article("Die Fähre nach Narva fährt wieder.", GermanInMarch)], [], []); // the same id
            return true;
        }));
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        Assert.False(secondWrite.IsCompleted); // it waits to learn whether the first one's id stays
        release.Release();

        Assert.True(await firstWrite);
        await Assert.ThrowsAsync<StoreConflictException>(() => secondWrite);
        Assert.Equal(["The ferry to Narva sails again."], TestStores.Column<string>(database, "SELECT text FROM articles"));
    }

    [Fact]
    public void AnArticleFallsInTheWindowOfItsPublicationOrElseOfItsIngestAndInItsLanguageWhateverTheTagsCase()
    {
        var published = new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.FromHours(-5)); // 11 March in UTC
        var ingested = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(StorePartition.Of("en", published.ToUniversalTime(), ingested), StorePartition.Of("EN-gb", published, ingested));
        Assert.Equal(StorePartition.Of("de", ingested, ingested), StorePartition.Of("de_AT", null, ingested));
        Assert.Equal("", StorePartition.Of("not a language", published, ingested).Language);
        Assert.Equal(
            [EnglishInMarch.Window - 1, EnglishInMarch.Window, EnglishInMarch.Window + 1],
            EnglishInMarch.Around(TimeSpan.FromDays(14)).Select(p => p.Window));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task TwoIngestsOfDifferentPartitionsAtOnceEndInTheStoriesOfOneAfterTheOther(string engine)
    {
        // Two languages, three months apart: no partition one run writes is one the other holds. The ids collide
        // across the runs, so each run finds some taken by the other, at once.
        var english = Coverage("english.jsonl", "en", new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero),
            ["The Narva ferry strike ended after {0} days when crews accepted a pay rise of {1} percent.",
             "Tallinn port opened a new cargo terminal for {0} ships a week, said Kalev Saar, who runs it.",
             "Heavy snow closed {0} schools in Narva, and buses ran {1} minutes late across the county."]);
        var german = Coverage("german.jsonl", "de", new DateTimeOffset(2026, 6, 15, 8, 0, 0, TimeSpan.Zero),
            ["Der Hafen von Tallinn bleibt {0} Tage geschlossen, sagte Liisa Tamm, die ihn leitet, am Montag.",
             "In Narva wurden {0} neue Busse gekauft, die ab Juli alle {1} Minuten fahren sollen.",
             "Die Fähre nach Narva fährt wieder, nachdem {0} Techniker den Motor in {1} Stunden repariert hatten."]);

        var sequential = _stores.New(engine, "sequential");
        Assert.Equal(0, CliRunner.Run("ingest", "--db", sequential, "--quiet", english).ExitCode);
        Assert.Equal(0, CliRunner.Run("ingest", "--db", sequential, "--quiet", german).ExitCode);

        var concurrent = _stores.New(engine, "concurrent");
        using (Stores.Open(concurrent))
        {
        }

        string[] Arguments(string input) => ["ingest", "--db", concurrent, "--quiet", "--batch", "1", input];
        using var one = CliProcess.Start(Arguments(english));
        using var other = CliProcess.Start(Arguments(german));
        foreach (var (exitCode, error) in await Task.WhenAll(CliProcess.EndAsync(one, Patience), CliProcess.EndAsync(other, Patience)))
        {
            Assert.True(exitCode == 0, error);
        }

        var expected = Stores.StoriesByContent(sequential);
        Assert.Equal(6, expected.Count);
        Assert.Equal(expected, Stores.StoriesByContent(concurrent));
        var ids = TestStores.Column<string>(concurrent, "SELECT id FROM articles");
        Assert.Equal(36, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(36, Convert.ToInt64(TestStores.Sql(concurrent, "SELECT COUNT(*) FROM ledger WHERE state = 'stored'"), CultureInfo.InvariantCulture));
        var languages = TestStores.Column<string>(concurrent, "SELECT DISTINCT part FROM articles").Select(part => part.Split('/')[0]).Order(StringComparer.Ordinal);
        Assert.Equal(["de", "en"], languages.Distinct());
    }

    /// <summary>Six reports a day for three days of each of three events, as JSONL in one language, each line with an id that the other file's lines share.</summary>
    private string Coverage(string name, string language, DateTimeOffset from, string[] events)
    {
        var lines = new List<string>();
        for (var e = 0; e < events.Length; e++)
        {
            for (var k = 0; k < 6; k++)
            {
                var text = string.Format(CultureInfo.InvariantCulture, events[e], 3 + e, 4 + k % 2) + (k % 3 == 0 ? "" : $" Report {k} of the day.");
                lines.Add(JsonSerializer.Serialize(new
                {
                    id = $"report-{e}-{k}",
                    site = $"outlet-{k}",
                    title = text.Split(',', '.')[0],
                    text,
                    language,
                    published = from.AddDays(e * 2 + k / 3).ToString("O", CultureInfo.InvariantCulture),
                }));
            }
        }

        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
