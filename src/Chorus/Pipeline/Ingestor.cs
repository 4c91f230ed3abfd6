using System.Security.Cryptography;
using System.Text;
using Chorus.Clustering;
using Chorus.Extraction;
using Chorus.Ingest;
using Chorus.Similarity;
using Chorus.Storage;
using Chorus.Text;

namespace Chorus.Pipeline;

/// <summary>
/// What an ingest run did, with the counts that add up to its inputs. <paramref name="MovedArticles"/> counts articles
/// stored by earlier runs that the run's revision put in another story; <paramref name="MergedStories"/> are earlier
/// stories that no longer exist because their articles now belong to others.
/// </summary>
public sealed record IngestReport(
    long Run,
    LedgerCounts Counts,
    IReadOnlyList<string> NewStories,
    IReadOnlyList<string> GrownStories,
    IReadOnlyList<Diagnostic> Problems,
    int MovedArticles = 0,
    IReadOnlyList<string>? MergedStories = null);

/// <summary>Progress of a running ingest: inputs done so far.</summary>
public readonly record struct IngestProgress(int Inputs, int Stored, int Duplicates, int Rejected);

/// <summary>
/// Ingests inputs into the store. Every input ends in exactly one ledger state: stored, duplicate (of an
/// article with the same content or URL) or rejected (with the reason). New articles join existing stories
/// or start new ones. Work is committed in batches, each in one transaction, so an interrupted run loses at
/// most the batch in flight and a re-run completes it (already stored inputs come back as duplicates).
/// <para>
/// Each article is assigned to a story as its batch is committed. When the run ends, a revision clusters every stored
/// article again, in publication order with document frequencies over the whole store, so the stories depend on
/// what is stored and not on how it was split into runs: five runs of one fifth each end in the same stories as one
/// run of everything. Stories keep their ids where most of their articles stay together.
/// </para>
/// </summary>
public sealed class Ingestor(SqliteStore store, InputLimits limits, ClusteringOptions clustering, TimeProvider time, Func<Stream>? openStdin = null, string? stdinName = null)
{
    public int BatchSize { get; init; } = 500;

    public IngestReport Ingest(IEnumerable<string> paths, Action<IngestProgress>? progress = null)
    {
        var run = store.BeginRun(time.GetUtcNow());
        var problems = new List<Diagnostic>();
        var known = LoadExisting();
        var before = known.StoryOfEach();
        var batch = new List<ExtractionResult>(BatchSize);
        var done = new IngestProgress();

        foreach (var result in new ArticleSource(limits, openStdin, stdinName).Read(paths))
        {
            batch.Add(result);
            if (batch.Count >= BatchSize)
            {
                Flush();
            }
        }

        Flush();
        var revised = Revise(known);
        store.FinishRun(run, time.GetUtcNow());
        return Report(run, before, revised, problems);

        void Flush()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var (ledger, incoming, hashes, urls) = Deduplicate(batch, problems);
            var features = ClusterFeatures.Of(incoming, clustering);
            var incomingItems = incoming.Select((a, i) => ClusterFeatures.Item(features[i], a.Published, known.Vocabulary)).ToList();
            var items = known.Items.Concat(incomingItems).ToList();
            var fixedStory = known.ItemStory.Concat(incomingItems.Select(_ => -1)).ToArray();
            var groups = new StoryClusterer(clustering).Run(items, fixedStory, known.StoryIds.Count);
            var storedBefore = known.Items.Count;
            var storyOf = new int[incoming.Count];
            var next = NextStoryNumber(known.StoryIds);
            foreach (var group in groups)
            {
                var story = group.Fixed;
                if (story < 0)
                {
                    story = known.StoryIds.Count;
                    known.StoryIds.Add($"s{next++}");
                }

                foreach (var member in group.Members.Where(m => m >= storedBefore))
                {
                    storyOf[member - storedBefore] = story;
                }
            }

            // Rows go in input order, so the store's order (which orders undated articles in the revision) does not
            // depend on how the input was split into runs.
            var rows = new List<(Article, string, string)>(incoming.Count);
            for (var i = 0; i < incoming.Count; i++)
            {
                rows.Add((incoming[i], hashes[incoming[i].Id], known.StoryIds[storyOf[i]]));
                known.Items.Add(incomingItems[i]);
                known.ItemStory.Add(storyOf[i]);
                known.ArticleIds.Add(incoming[i].Id);
            }

            // Within a run, the clusterer never merges two stored stories (their ids are fixed); the revision may.
            store.Commit(run, time.GetUtcNow(), rows, urls, ledger);
            store.SaveFeatures(ClusterFeatures.Version(clustering), incoming.Select((a, i) => (a.Id, ClusterFeatures.Encode(features[i]))).ToList());
            done = new IngestProgress(
                done.Inputs + batch.Count,
                done.Stored + ledger.Count(l => l.State == "stored"),
                done.Duplicates + ledger.Count(l => l.State == "duplicate"),
                done.Rejected + ledger.Count(l => l.State == "rejected"));
            progress?.Invoke(done);
            batch.Clear();
        }
    }

    /// <summary>
    /// Clusters every stored article again and moves those whose story changed. Returns each article's story, in
    /// store order.
    /// </summary>
    private List<string> Revise(KnownStories known)
    {
        var current = known.StoryOfEach();
        if (current.Count == 0)
        {
            return current;
        }

        var groups = new StoryClusterer(clustering).Run(known.Items, Enumerable.Repeat(-1, current.Count).ToArray(), 0);
        var revised = StoryIds.Keep(groups.Select(g => g.Members).ToList(), current, NextStoryNumber(known.StoryIds)).ToList();
        var moves = Enumerable.Range(0, current.Count)
            .Where(i => !string.Equals(current[i], revised[i], StringComparison.Ordinal))
            .Select(i => (known.ArticleIds[i], revised[i]))
            .ToList();
        store.Revise(time.GetUtcNow(), moves);
        return revised;
    }

    /// <summary>The run's effect on stories, from each stored article's story before the run and after it.</summary>
    private IngestReport Report(long run, List<string> before, List<string> after, List<Diagnostic> problems)
    {
        var earlier = before.ToHashSet(StringComparer.Ordinal);
        var remaining = after.ToHashSet(StringComparer.Ordinal);
        var newStories = after.Where(s => !earlier.Contains(s)).Distinct(StringComparer.Ordinal).ToList();
        // An earlier story grew when it holds an article it did not hold before: a new one, or one moved into it.
        var grown = Enumerable.Range(0, after.Count)
            .Where(i => (i >= before.Count || before[i] != after[i]) && earlier.Contains(after[i]))
            .Select(i => after[i])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var moved = Enumerable.Range(0, before.Count).Count(i => before[i] != after[i]);
        var merged = earlier.Where(s => !remaining.Contains(s)).Order(StringComparer.Ordinal).ToList();
        return new IngestReport(run, store.Counts(run), newStories, grown, problems, moved, merged);
    }

    /// <summary>
    /// What clustering needs of the stored articles, and no more: each one's compact features (term ids and
    /// counts) and its story. Memory then grows by a few hundred bytes per stored article, not by its text.
    /// </summary>
    private sealed class KnownStories
    {
        public Vocabulary Vocabulary { get; } = new();

        public List<ClusterItem> Items { get; } = [];

        public List<int> ItemStory { get; } = [];

        public List<string> ArticleIds { get; } = [];

        public List<string> StoryIds { get; } = [];

        /// <summary>Each known article's story id, in store order.</summary>
        public List<string> StoryOfEach() => ItemStory.Select(k => StoryIds[k]).ToList();
    }

    /// <summary>
    /// The stored articles' features come from the store, where each run saves them; only articles stored without
    /// features of this version (by an older Chorus, or with other options) are read and analysed again, once.
    /// </summary>
    private KnownStories LoadExisting()
    {
        var known = new KnownStories();
        var version = ClusterFeatures.Version(clustering);
        var index = store.ArticleIndex(version);
        var missing = index.Where(x => x.Features is null).Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        var computed = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            var articles = store.Articles().Select(x => x.Article).Where(a => missing.Contains(a.Id)).ToList();
            var features = ClusterFeatures.Of(articles, clustering);
            for (var i = 0; i < articles.Count; i++)
            {
                computed[articles[i].Id] = features[i];
            }

            store.SaveFeatures(version, computed.Select(p => (p.Key, ClusterFeatures.Encode(p.Value))).ToList());
        }

        var storyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, published, story, encoded) in index)
        {
            if (!storyIndex.TryGetValue(story, out var number))
            {
                storyIndex[story] = number = known.StoryIds.Count;
                known.StoryIds.Add(story);
            }

            var features = encoded is null ? computed[id] : ClusterFeatures.Decode(encoded);
            known.Items.Add(ClusterFeatures.Item(features, published, known.Vocabulary));
            known.ItemStory.Add(number);
            known.ArticleIds.Add(id);
        }

        return known;
    }

    private static int NextStoryNumber(IEnumerable<string> ids) =>
        ids.Select(id => id.Length > 1 && id[0] == 's' && int.TryParse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;

    private (List<LedgerEntry> Ledger, List<Article> Incoming, Dictionary<string, string> Hashes, List<(string, string)> Urls) Deduplicate(List<ExtractionResult> batch, List<Diagnostic> problems)
    {
        var ledger = new List<LedgerEntry>();
        var incoming = new List<Article>();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        var byUrl = new Dictionary<string, string>(StringComparer.Ordinal);
        var urls = new List<(string, string)>();
        foreach (var result in batch)
        {
            if (result.Skipped is { } skipped)
            {
                ledger.Add(new LedgerEntry(result.Source ?? "", "skipped", null, null, skipped));
                continue;
            }

            if (result.Article is not { } article)
            {
                var problem = result.Problem!;
                problems.Add(problem);
                ledger.Add(new LedgerEntry(problem.Input, "rejected", null, null, problem.Message));
                continue;
            }

            var hash = ContentHash(article.Site, article.Text);
            var url = UrlCanonicalizer.Canonical(article.Url);
            var declared = UrlCanonicalizer.Canonical(article.CanonicalUrl);
            string? Known(string? key) => key is null ? null : byUrl.GetValueOrDefault(key) ?? store.ArticleIdByUrl(key);
            var sameText = byHash.GetValueOrDefault(hash) ?? store.ArticleIdByHash(hash);
            var duplicateOf = sameText ?? Known(url) ?? Known(declared);
            if (duplicateOf is not null)
            {
                var reason = sameText is not null ? "same text" : "same URL";
                ledger.Add(new LedgerEntry(article.Source, "duplicate", null, duplicateOf, reason));
                foreach (var key in new[] { url, declared }.OfType<string>().Distinct(StringComparer.Ordinal))
                {
                    urls.Add((key, duplicateOf)); // the same article under another URL keeps both URLs
                }

                continue;
            }

            var id = article.Id;
            for (var n = 2; store.ArticleIdExists(id) || hashes.ContainsKey(id); n++)
            {
                id = $"{article.Id}-{n}";
            }

            article = article with { Id = id };
            incoming.Add(article);
            hashes[id] = hash;
            byHash[hash] = id;
            foreach (var key in new[] { url, declared }.OfType<string>().Distinct(StringComparer.Ordinal))
            {
                byUrl[key] = id;
                urls.Add((key, id)); // the fetched URL and the page's declared canonical one both lead here
            }

            ledger.Add(new LedgerEntry(article.Source, "stored", id, null, null));
        }

        return (ledger, incoming, hashes, urls);
    }

    /// <summary>
    /// SHA-256 of the outlet and the text's words and digits in lower case: re-ingest is idempotent whatever the
    /// whitespace, and one outlet's page stored twice is a duplicate, while the same wire text carried by
    /// another outlet is a publication of its own (kept, and marked as a copy in its story).
    /// </summary>
    public static string ContentHash(string? site, string text)
    {
        var normalised = new StringBuilder(text.Length + 64);
        normalised.Append(site?.Trim()).Append('\n');
        foreach (var range in Tokenizer.WordRanges(text))
        {
            normalised.Append(text.AsSpan(range)).Append(' ');
        }

        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                normalised.Append(c);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised.ToString().ToLowerInvariant())));
    }
}
