using Chorus.IntegrationTests.Support;
using Chorus.Pipeline;
using Chorus.Storage;

namespace Chorus.IntegrationTests.Storage;

/// <summary>Briefs kept in the store: built when a story changes, read by the views while the story stays the same.</summary>
public sealed class StoryBriefTests : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose() => _stores.Dispose();

    private static string Sample(string name) => Path.Combine(Repository.Samples, name);

    [Theory, OnSqlite, OnPostgres]
    public void AnIngestKeepsTheBriefOfEveryStoryOfTwoOrMoreArticlesBuiltFromTheArticlesItHolds(string engine)
    {
        var database = _stores.New(engine);
        var ingest = CliRunner.Run("ingest", "--db", database, "--briefs", Repository.Samples);
        Assert.Contains("Built the briefs of", ingest.Out, StringComparison.Ordinal);

        using var store = Stores.Open(database);
        var briefs = new StoryBriefs(new BriefPipeline());
        var kept = store.BriefFingerprints();
        var told = store.Stories().Where(s => s.Articles >= 2).ToList();
        Assert.NotEmpty(told);
        Assert.Equal(told.Select(s => s.Id).Order(StringComparer.Ordinal), kept.Keys.Order(StringComparer.Ordinal));
        Assert.All(told, s => Assert.Equal(briefs.Fingerprint(store.ArticleIdsOf(s.Id)), kept[s.Id]));
    }

    [Theory, OnSqlite, OnPostgres]
    public void ShowReadsTheKeptBriefAndGivesWhatABriefBuiltAfreshGives(string engine)
    {
        var database = _stores.New(engine);
        CliRunner.Run("ingest", "--db", database, "--briefs", Repository.Samples);
        var story = Largest(database);
        var fromStore = CliRunner.Run("show", "--db", database, story, "--format", "json");

        TestStores.Sql(database, "DELETE FROM story_briefs");
        var built = CliRunner.Run("show", "--db", database, story, "--format", "json");

        Assert.Equal(0, fromStore.ExitCode);
        Assert.Equal(built.Out, fromStore.Out);
        Assert.Equal(1L, Convert.ToInt64(TestStores.Sql(database, "SELECT COUNT(*) FROM story_briefs"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, OnSqlite, OnPostgres]
    public void AKeptBriefServesOnlyWhileItsStoryHasTheSameArticles(string engine)
    {
        var database = _stores.New(engine);
        CliRunner.Run("ingest", "--db", database, "--briefs", Sample("bws-cod-truce.txt"), Sample("bws-ferry-strike.txt"), Sample("tallinn-observer-cod-deal.html"));
        var story = Largest(database);
        // Mark the kept brief, so the test can tell it from one built afresh.
        TestStores.Sql(database, $"UPDATE story_briefs SET brief = replace(brief, '\"Title\":\"', '\"Title\":\"KEPT ') WHERE story_id = '{story}'");
        Assert.Contains("KEPT ", CliRunner.Run("show", "--db", database, story).Out, StringComparison.Ordinal);

        var grown = CliRunner.Run("ingest", "--db", database, Sample("northern-post-cod.html"), Sample("radio-baltica-cod.html"));
        Assert.DoesNotContain("Built the briefs", grown.Out, StringComparison.Ordinal);
        Assert.True(ArticleCount(database, story) > 2, "the story grew");

        var show = CliRunner.Run("show", "--db", database, story);
        Assert.Equal(0, show.ExitCode);
        Assert.DoesNotContain("KEPT ", show.Out, StringComparison.Ordinal);
        using var store = Stores.Open(database);
        Assert.Equal(new StoryBriefs(new BriefPipeline()).Fingerprint(store.ArticleIdsOf(story)), store.BriefFingerprints()[story]);
    }

    [Theory, OnSqlite, OnPostgres]
    public void AViewKeepsTheBriefItBuildsButNotOneOfAnotherLength(string engine)
    {
        var database = _stores.New(engine);
        CliRunner.Run("ingest", "--db", database, Repository.Samples);
        var story = Largest(database);

        Assert.Equal(0, CliRunner.Run("show", "--db", database, story, "--words", "60").ExitCode);
        Assert.Equal(0L, Convert.ToInt64(TestStores.Sql(database, "SELECT COUNT(*) FROM story_briefs"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, CliRunner.Run("show", "--db", database, story).ExitCode);
        Assert.Equal(1L, Convert.ToInt64(TestStores.Sql(database, "SELECT COUNT(*) FROM story_briefs"), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Largest(string database)
    {
        using var store = Stores.Open(database);
        return store.Stories()[0].Id;
    }

    private static int ArticleCount(string database, string story)
    {
        using var store = Stores.Open(database);
        return store.ArticleIdsOf(story).Count;
    }
}
