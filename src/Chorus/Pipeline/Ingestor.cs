using System.Globalization;
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
/// stories that no longer exist because their articles now belong to others. <paramref name="Warnings"/> name what
/// was dropped from stored articles (lines of chrome, say) and damage passed over in archives.
/// </summary>
public sealed record IngestReport(
    long Run,
    LedgerCounts Counts,
    IReadOnlyList<string> NewStories,
    IReadOnlyList<string> GrownStories,
    IReadOnlyList<Diagnostic> Problems,
    int MovedArticles = 0,
    IReadOnlyList<string>? MergedStories = null,
    IReadOnlyList<Diagnostic>? Warnings = null);

/// <summary>
/// Progress of a running ingest: inputs done so far. <paramref name="WaitingForWriter"/> is set while the run waits for
/// another writer to finish with the store.
/// </summary>
public readonly record struct IngestProgress(int Inputs, int Stored, int Duplicates, int Rejected, bool WaitingForWriter = false);

/// <summary>
/// Where a writer's time holding the store's write lock went, up to each commit: catching up with what other writers
/// stored, looking up the batch's duplicates (ledger keys, hashes, URLs), assigning stories, and writing the rows.
/// </summary>
public readonly record struct LockedTime(TimeSpan CatchingUp, TimeSpan Lookups, TimeSpan Assignment, TimeSpan Rows)
{
    public TimeSpan Total => CatchingUp + Lookups + Assignment + Rows;

    public static LockedTime operator +(LockedTime a, LockedTime b) =>
        new(a.CatchingUp + b.CatchingUp, a.Lookups + b.Lookups, a.Assignment + b.Assignment, a.Rows + b.Rows);
}

/// <summary>
/// Ingests inputs into the store. Every input ends in exactly one ledger state: stored, duplicate (of an
/// article with the same content or URL) or rejected (with the reason). New articles join existing stories
/// or start new ones. Work is committed in batches, each in one transaction, so an interrupted run loses at
/// most the batch in flight and a re-run completes it (already stored inputs come back as duplicates).
/// <para>
/// Each article is assigned to a story as its batch is committed. When the run ends, a revision clusters every stored
/// article again, in publication order with document frequencies over the whole store, so the stories depend on
/// what is stored and not on how it was split into runs, nor on the order the runs came in: five runs of one fifth
/// each end in the same stories as one run of everything. Stories keep their ids where most of their articles stay
/// together.
/// </para>
/// <para>
/// Any number of ingests, in this process or others, may write to one store at once. Reading and extracting the
/// inputs needs no lock; everything that depends on what the store holds (duplicates, ids, story assignment, the
/// revision) runs inside the store's write transaction, after the writer's view of the store has caught up with the
/// articles and revisions that others committed meanwhile. A batch's transaction holds only the partitions of its
/// articles (<see cref="StorePartition"/>), so on PostgreSQL writers of other partitions write at once; a revision
/// holds the whole store. The last revision to run sees every article, so concurrent runs end in the stories of the
/// same runs one after the other.
/// </para>
/// </summary>
public sealed class Ingestor(IStore store, InputLimits limits, ClusteringOptions clustering, TimeProvider time, Func<Stream>? openStdin = null, string? stdinName = null)
{
    public int BatchSize { get; init; } = 500;

    /// <summary>Threads that compute a batch's clustering features (0: one a core). A queue worker may keep to one, and scale by workers.</summary>
    public int Threads { get; init; }

    public IngestReport Ingest(IEnumerable<string> paths, Action<IngestProgress>? progress = null)
    {
        var done = new IngestProgress();
        var waiting = store.WaitingForWriter;
        store.WaitingForWriter = () => progress?.Invoke(done with { WaitingForWriter = true });
        try
        {
            var run = store.BeginRun(time.GetUtcNow());
            var problems = new List<Diagnostic>();
            var warnings = new List<Diagnostic>();
            var known = new StoreView(store, clustering);
            var earlier = store.Write(() =>
            {
                known.CatchUp();
                return known.Stories.ToHashSet(StringComparer.Ordinal);
            });
            var stored = new List<string>();
            var batch = new List<ExtractionResult>(BatchSize);
            foreach (var result in new ArticleSource(limits, openStdin, stdinName).Read(paths))
            {
                batch.Add(result);
                if (batch.Count >= BatchSize)
                {
                    done = Flush(run, batch, known, problems, warnings, stored, done);
                    progress?.Invoke(done);
                }
            }

            if (batch.Count > 0)
            {
                done = Flush(run, batch, known, problems, warnings, stored, done);
                progress?.Invoke(done);
            }

            var revision = store.Write(() => Revise(known));
            store.FinishRun(run, time.GetUtcNow());
            return Report(run, earlier, stored, known, revision, problems) with { Warnings = warnings };
        }
        finally
        {
            store.WaitingForWriter = waiting;
        }
    }

    /// <summary>How many times a batch's write is tried when it meets another writer's (<see cref="StoreConflictException"/>).</summary>
    private const int Attempts = 5;

    /// <summary>
    /// Stores one batch in one write transaction, and empties it. Features are a function of the article alone, so
    /// they are computed before the store's write lock is taken; the rest depends on what the store holds. The write
    /// holds the partitions of the batch's articles and their neighbours (<see cref="StorePartition.Around"/>), where
    /// the articles' stories may lie; a write that met another partition's writer storing the same text, URL or id is
    /// tried again, and then finds it stored.
    /// </summary>
    private IngestProgress Flush(long run, List<ExtractionResult> batch, StoreView known, List<Diagnostic> problems, List<Diagnostic> warnings, List<string> stored, IngestProgress done, List<string>? keys = null, Action<LockedTime>? wrote = null)
    {
        var extracted = batch.Select(r => r.Article).OfType<Article>().ToList();
        var featuresOf = new Dictionary<Article, Dictionary<string, double>>(ReferenceEqualityComparer.Instance);
        foreach (var (article, features) in extracted.Zip(ClusterFeatures.Of(extracted, clustering, Threads)))
        {
            featuresOf[article] = features;
        }

        var now = time.GetUtcNow();
        var partitionOf = new Dictionary<Article, StorePartition>(ReferenceEqualityComparer.Instance);
        foreach (var article in extracted)
        {
            partitionOf[article] = StorePartition.Of(article.Language, article.Published, now);
        }

        var held = partitionOf.Values.SelectMany(p => p.Around(clustering.Window)).Distinct().Order().ToList();
        var locked = default(LockedTime);
        BatchWrite written;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                written = WriteOrForget(known, held, () =>
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew(); // the lock is held from here to the commit
                    TimeSpan Lap()
                    {
                        var lap = clock.Elapsed;
                        clock.Restart();
                        return lap;
                    }

                    known.CatchUp(held);
                    var catchingUp = Lap();
                    var (todo, todoKeys) = (batch, keys);
                    if (keys is not null)
                    {
                        // A delivery repeated after its batch was committed (its worker died before acknowledging it) is passed over.
                        var ledgered = store.LedgeredKeys(keys);
                        var fresh = Enumerable.Range(0, batch.Count).Where(i => !ledgered.Contains(keys[i])).ToList();
                        (todo, todoKeys) = (fresh.Select(i => batch[i]).ToList(), fresh.Select(i => keys[i]).ToList());
                    }

                    var sorted = Deduplicate(todo);
                    var ledger = todoKeys is null ? sorted.Ledger : sorted.Ledger.Select((entry, i) => entry with { InputKey = todoKeys[i] }).ToList();
                    var lookups = Lap();
                    var incoming = sorted.Incoming;
                    var features = incoming.Select(a => featuresOf[a.Original]).ToList();
                    var stories = known.Assign(incoming.Select((a, i) => (features[i], a.Article.Published, a.Article.Id)).ToList());
                    var assignment = Lap();
                    var rows = incoming.Select((a, i) => new NewArticle(a.Article, a.Hash, stories[i], partitionOf[a.Original], a.Urls)).ToList();
                    store.Commit(run, now, rows, sorted.MoreUrls, ledger);
                    store.SaveFeatures(ClusterFeatures.Version(clustering), incoming.Select((a, i) => (a.Article.Id, ClusterFeatures.Encode(features[i]))).ToList());
                    locked = new LockedTime(catchingUp, lookups, assignment, Lap());
                    return new BatchWrite(todo, ledger, incoming, sorted.Problems);
                });
                break;
            }
            catch (StoreConflictException) when (attempt < Attempts)
            {
                // Another partition's writer stored the same text, URL or id at once; the next try sees it stored.
            }
        }

        wrote?.Invoke(locked);
        problems.AddRange(written.Problems);

        // What was dropped from the articles that were kept, and damage passed over in an archive, is told, in input order.
        var keptOriginals = written.Incoming.Select(a => a.Original).ToHashSet(ReferenceEqualityComparer.Instance);
        warnings.AddRange(written.Batch.SelectMany(r => r.Article is { } a && keptOriginals.Contains(a) ? a.Diagnostics : r.Warning is { } w ? [w] : []));
        var storedIds = written.Incoming.Select(a => a.Article.Id).ToList();
        stored.AddRange(storedIds);
        var ledger = written.Ledger;
        var next = new IngestProgress(
            done.Inputs + ledger.Count,
            done.Stored + storedIds.Count,
            done.Duplicates + ledger.Count(l => l.State == "duplicate"),
            done.Rejected + ledger.Count(l => l.State == "rejected"));
        batch.Clear();
        return next;
    }

    /// <summary>What a batch's write did: the inputs it took (those not ledgered before), their ledger rows, the articles it stored, the rejections.</summary>
    private sealed record BatchWrite(List<ExtractionResult> Batch, List<LedgerEntry> Ledger, List<Incoming> Incoming, List<Diagnostic> Problems);

    /// <summary>A write whose failure also drops the view's assigner, which took in the articles that did not commit.</summary>
    private T WriteOrForget<T>(StoreView known, IReadOnlyCollection<StorePartition> partitions, Func<T> work)
    {
        try
        {
            return store.Write(partitions, work);
        }
        catch
        {
            known.Forget();
            throw;
        }
    }

    /// <summary>
    /// A long-running writer's run, for a queue worker: batches of extracted inputs are stored as they come, each input
    /// with the key of its delivery (inputs whose key the ledger holds are passed over), and the stories are revised
    /// over the whole store when the writer asks.
    /// </summary>
    public sealed class Session
    {
        private readonly Ingestor _ingestor;
        private readonly IStore _store;
        private readonly TimeProvider _time;
        private readonly StoreView _known;
        private readonly List<Diagnostic> _problems = [];
        private readonly List<Diagnostic> _warnings = [];
        private readonly List<string> _stored = [];

        internal Session(Ingestor ingestor, IStore store, ClusteringOptions clustering, TimeProvider time)
        {
            (_ingestor, _store, _time) = (ingestor, store, time);
            _known = new StoreView(store, clustering);
            Run = store.BeginRun(time.GetUtcNow());
        }

        public long Run { get; }

        /// <summary>What the session has stored, counted, and rejected so far.</summary>
        public IngestProgress Done { get; private set; }

        /// <summary>The rejections so far, each with its input and reason.</summary>
        public IReadOnlyList<Diagnostic> Problems => _problems;

        /// <summary>
        /// Time spent holding the writers' locks, up to the commit, and where it went. Writers of the same partitions
        /// take turns there, so it bounds the rate of all of them together.
        /// </summary>
        public LockedTime Writing { get; private set; }

        /// <summary>Stores one batch in one write transaction; returns how many of its inputs were new to the ledger.</summary>
        public int Store(IReadOnlyList<(ExtractionResult Result, string Key)> batch)
        {
            var before = Done.Inputs;
            Done = _ingestor.Flush(Run, batch.Select(b => b.Result).ToList(), _known, _problems, _warnings, _stored, Done, batch.Select(b => b.Key).ToList(), t => Writing += t);
            return Done.Inputs - before;
        }

        /// <summary>
        /// Clusters every stored article again and moves those whose story changed; returns how many moved, or null when
        /// no article has arrived since the last revision (by this writer or another): the revision depends only on the
        /// stored articles, so it would change nothing.
        /// </summary>
        public int? Revise() => _store.Write(() =>
            _store.RevisedThrough() == _store.Position().LastSeq ? null : (int?)_ingestor.Revise(_known).Moves.Count);

        public void Finish() => _store.FinishRun(Run, _time.GetUtcNow());
    }

    /// <summary>Begins a long-running writer's run (<see cref="Session"/>).</summary>
    public Session Begin() => new(this, store, clustering, time);

    /// <summary>What the end-of-run revision changed: the articles it moved, and the stories it left empty.</summary>
    private sealed record Revision(IReadOnlyList<(string ArticleId, string Story)> Moves, IReadOnlyList<string> MergedStories);

    /// <summary>
    /// Clusters every stored article again, in an order that depends only on the articles (publication time, then
    /// content hash), and moves those whose story changed. Runs inside the write transaction.
    /// </summary>
    private Revision Revise(StoreView known)
    {
        known.CatchUp();
        if (known.Count == 0)
        {
            return new Revision([], []);
        }

        var order = Enumerable.Range(0, known.Count).OrderBy(i => known.Published(i) ?? DateTimeOffset.MaxValue).ThenBy(known.HashKey).ToArray();
        var current = order.Select(known.StoryOf).ToList();
        var groups = new StoryClusterer(clustering).Run(known.ItemsInOrder(order), Enumerable.Repeat(-1, order.Length).ToArray(), 0);
        var members = groups.Select(g => g.Members).ToList();
        var next = store.NextStoryNumber();
        var revised = StoryIds.Keep(members, current, (int)next);
        var before = current.ToHashSet(StringComparer.Ordinal);
        var fresh = revised.Distinct(StringComparer.Ordinal).Count(id => !before.Contains(id));
        if (store.TakeStoryNumbers(fresh) is [var first, ..] && first != next)
        {
            throw new InvalidOperationException("story numbers were taken during a whole-store write"); // the write holds every partition
        }

        var moves = Enumerable.Range(0, order.Length)
            .Where(k => !string.Equals(current[k], revised[k], StringComparison.Ordinal))
            .Select(k => (known.ArticleId(order[k]), revised[k]))
            .ToList();
        store.Revise(time.GetUtcNow(), moves);
        store.MarkRevised(store.Position().LastSeq);
        known.CatchUp();
        var after = revised.ToHashSet(StringComparer.Ordinal);
        return new Revision(moves, before.Where(s => !after.Contains(s)).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The run's effect on stories: the stories its articles ended in (new ones, or ones that existed when it started),
    /// and what its revision moved and merged.
    /// </summary>
    private IngestReport Report(long run, HashSet<string> earlier, List<string> stored, StoreView known, Revision revision, List<Diagnostic> problems)
    {
        var mine = stored.ToHashSet(StringComparer.Ordinal);
        var storyOf = known.StoryOfEachArticle();
        var storiesOfMine = stored.Select(id => storyOf[id]).Distinct(StringComparer.Ordinal).ToList();
        var newStories = storiesOfMine.Where(s => !earlier.Contains(s)).ToList();
        // An earlier story grew when it holds an article it did not hold before: one of this run's, or one moved into it.
        var grown = storiesOfMine.Concat(revision.Moves.Select(m => m.Story))
            .Where(earlier.Contains)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var moved = revision.Moves.Count(m => !mine.Contains(m.ArticleId));
        return new IngestReport(run, store.Counts(run), newStories, grown, problems, moved, revision.MergedStories);
    }

    /// <summary>
    /// A writer's view of the stored articles: what clustering needs of each (compact features, publication time, a
    /// key of its content hash, its story) and no more, so memory grows by a few hundred bytes per stored article, not
    /// by its text. <see cref="CatchUp(IReadOnlyCollection{StorePartition}?)"/> brings it up to date inside a write
    /// transaction: it adds the articles stored since (by this writer or another) in the partitions the write holds, or
    /// in the whole store, and reads every story again when another revision has moved articles.
    /// <para>
    /// Each partition is read from where this view last read it. That is sound because a partition's articles are
    /// written only under its lock: while the write holds it, no article of it is in flight, so none can commit later
    /// with an earlier place in arrival order. Articles of other partitions can, which is why the view does not read
    /// them on the way.
    /// </para>
    /// </summary>
    private sealed class StoreView(IStore store, ClusteringOptions clustering)
    {
        private readonly string _version = ClusterFeatures.Version(clustering);
        private readonly Vocabulary _vocabulary = new();
        private readonly List<ClusterItem> _items = [];
        private readonly List<string> _ids = [];
        private readonly List<ulong> _hashKeys = [];
        private readonly Dictionary<long, int> _indexOfSeq = [];
        private readonly List<string> _stories = [];
        private long _whole; // every article up to this place in arrival order is in the view (read by a whole-store catch-up)
        private readonly Dictionary<StorePartition, long> _read = []; // beyond that, the last place read in each partition
        private long _revision = -1;
        private StoryClusterer.Assigner? _assigner;
        private readonly Dictionary<string, int> _storyNumber = new(StringComparer.Ordinal);
        private readonly List<string> _storyIds = [];
        private readonly HashSet<string> _assigned = new(StringComparer.Ordinal);

        public int Count => _items.Count;

        public IEnumerable<string> Stories => _stories;

        public DateTimeOffset? Published(int i) => _items[i].Published;

        /// <summary>The first 64 bits of the article's content hash: an order of the articles that no input order changes.</summary>
        public ulong HashKey(int i) => _hashKeys[i];

        public string StoryOf(int i) => _stories[i];

        public string ArticleId(int i) => _ids[i];

        private static ulong HashKeyOf(string hash) =>
            ulong.Parse(hash.AsSpan(0, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        /// <summary>Each article's story in the view, by article id.</summary>
        public Dictionary<string, string> StoryOfEachArticle() =>
            _ids.Zip(_stories).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

        /// <summary>Catches up with the whole store: inside a whole-store write only.</summary>
        public void CatchUp() => CatchUp(null);

        /// <summary>Catches up with these partitions, inside a write that holds them; or with the whole store (null), inside a whole-store write.</summary>
        public void CatchUp(IReadOnlyCollection<StorePartition>? partitions)
        {
            var (lastSeq, revision) = store.Position();
            if (revision != _revision)
            {
                foreach (var (seq, story) in store.StoriesOfArticles())
                {
                    if (_indexOfSeq.TryGetValue(seq, out var i))
                    {
                        _stories[i] = story;
                    }
                }

                _revision = revision;
                _assigner = null; // articles moved: the assigner's stories are no longer the store's
            }

            if (partitions is null)
            {
                if (lastSeq > _whole)
                {
                    Add(store.ArticleIndex(_version, _whole));
                }

                _whole = Math.Max(_whole, lastSeq);
                _read.Clear();
                return;
            }

            // One query for all of them, from the earliest place any was last read at: the articles read before are passed over.
            var after = partitions.Select(p => Math.Max(_whole, _read.GetValueOrDefault(p))).DefaultIfEmpty(lastSeq).Min();
            if (lastSeq > after)
            {
                Add(store.ArticleIndex(_version, after, partitions));
            }

            foreach (var partition in partitions)
            {
                _read[partition] = lastSeq; // none of its articles is in flight, so none will come with an earlier place
            }
        }

        private void Add(List<IndexedArticle> index)
        {
            index = index.Where(a => !_indexOfSeq.ContainsKey(a.Seq)).ToList(); // read before, by a catch-up of its partition
            var computed = FeaturesOfArticlesWithout(index);
            foreach (var article in index)
            {
                var features = article.Features is { } encoded ? ClusterFeatures.Decode(encoded) : computed[article.Id];
                _indexOfSeq[article.Seq] = _items.Count;
                _items.Add(ClusterFeatures.Item(features, article.Published, _vocabulary));
                _ids.Add(article.Id);
                _hashKeys.Add(HashKeyOf(article.Hash));
                _stories.Add(article.Story);
                if (_assigner is not null && !_assigned.Remove(article.Id))
                {
                    AddStored(_items[^1], article.Story); // stored by another writer
                }
            }
        }

        /// <summary>
        /// Puts new articles in stories: each joins the stored story it fits, or starts a new one with a number taken
        /// from the store. Returns each article's story, in order. Runs inside the write transaction, after
        /// <see cref="CatchUp(IReadOnlyCollection{StorePartition}?)"/>; if the transaction fails, call <see cref="Forget"/>.
        /// <para>
        /// The assigner that decides it lives as long as this view (<see cref="StoryClusterer.Assigner"/>): it takes in
        /// each article of the view once, so a batch costs its own size however large the store has grown. It is built
        /// again after a revision has moved articles, and the revision is what settles the stories.
        /// </para>
        /// </summary>
        public List<string> Assign(IReadOnlyList<(Dictionary<string, double> Features, DateTimeOffset? Published, string Id)> incoming)
        {
            var assigner = Assigner();
            var numbers = assigner.Assign(incoming.Select(x => ClusterFeatures.Item(x.Features, x.Published, _vocabulary)).ToList());
            var fresh = assigner.Stories - _storyIds.Count;
            foreach (var number in store.TakeStoryNumbers(fresh))
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"s{number}");
                _storyNumber[id] = _storyIds.Count;
                _storyIds.Add(id);
            }

            foreach (var x in incoming)
            {
                _assigned.Add(x.Id); // already in the assigner when CatchUp reads it back from the store
            }

            return numbers.Select(n => _storyIds[n]).ToList();
        }

        /// <summary>Drops the assigner after a write that did not commit: it holds articles that the store does not.</summary>
        public void Forget() => _assigner = null;

        private StoryClusterer.Assigner Assigner()
        {
            if (_assigner is { } built)
            {
                return built;
            }

            _assigner = new StoryClusterer.Assigner(clustering);
            _storyNumber.Clear();
            _storyIds.Clear();
            _assigned.Clear();
            for (var i = 0; i < _items.Count; i++)
            {
                AddStored(_items[i], _stories[i]);
            }

            return _assigner;
        }

        private void AddStored(ClusterItem item, string story)
        {
            if (!_storyNumber.TryGetValue(story, out var number))
            {
                _storyNumber[story] = number = _storyIds.Count;
                _storyIds.Add(story);
            }

            _assigner!.AddStored(item, number);
        }

        /// <summary>
        /// The items in the given order, with term ids numbered afresh in that order, so that ties in clustering (broken
        /// by term id) fall the same way whatever order the articles were stored in.
        /// </summary>
        public List<ClusterItem> ItemsInOrder(IReadOnlyList<int> order)
        {
            var renumbered = new Dictionary<int, int>();
            return order.Select(i =>
            {
                var item = _items[i];
                var terms = new int[item.Terms.Length];
                for (var t = 0; t < terms.Length; t++)
                {
                    if (!renumbered.TryGetValue(item.Terms[t], out terms[t]))
                    {
                        renumbered[item.Terms[t]] = terms[t] = renumbered.Count;
                    }
                }

                return item with { Terms = terms };
            }).ToList();
        }

        /// <summary>
        /// Features for stored articles that have none of this version (stored by an older Chorus, or with other
        /// options): their texts are read and analysed again, once, and the features saved.
        /// </summary>
        private Dictionary<string, Dictionary<string, double>> FeaturesOfArticlesWithout(List<IndexedArticle> index)
        {
            var missing = index.Where(x => x.Features is null).Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
            var computed = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
            if (missing.Count == 0)
            {
                return computed;
            }

            var articles = store.Articles().Select(x => x.Article).Where(a => missing.Contains(a.Id)).ToList();
            foreach (var (article, features) in articles.Zip(ClusterFeatures.Of(articles, clustering)))
            {
                computed[article.Id] = features;
            }

            store.SaveFeatures(_version, computed.Select(p => (p.Key, ClusterFeatures.Encode(p.Value))).ToList());
            return computed;
        }
    }

    /// <summary>An input's new article, with the extracted one it was made from, its content hash and the canonical URLs it is found under.</summary>
    private sealed record Incoming(Article Article, Article Original, string Hash, IReadOnlyList<string> Urls);

    /// <summary>A batch sorted by <see cref="Deduplicate"/>: a ledger row an input, the new articles, the duplicates' other URLs, and the rejections.</summary>
    private sealed record SortedBatch(List<LedgerEntry> Ledger, List<Incoming> Incoming, List<(string Url, string ArticleId)> MoreUrls, List<Diagnostic> Problems);

    /// <summary>
    /// Sorts a batch into rejections, duplicates (of a stored article, or of one earlier in the batch) and new articles,
    /// each new one with an id no stored article has. Runs inside the write transaction, and asks the store three
    /// questions for the whole batch: which of its texts' hashes, which of its URLs, and which of its candidate ids
    /// stored articles have.
    /// </summary>
    private SortedBatch Deduplicate(List<ExtractionResult> batch)
    {
        var ledger = new List<LedgerEntry>();
        var incoming = new List<Incoming>();
        var problems = new List<Diagnostic>();
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        var byUrl = new Dictionary<string, string>(StringComparer.Ordinal);
        var moreUrls = new List<(string, string)>();

        var keys = batch.Select(r => r.Skipped is null && r.Article is { } a
            ? (Hash: ContentHash(a.Site, a.Text), Url: UrlCanonicalizer.Canonical(a.Url), Declared: UrlCanonicalizer.Canonical(a.CanonicalUrl))
            : default).ToList();
        var storedByHash = store.ArticleIdsByHash(keys.Select(k => k.Hash).OfType<string>().ToList());
        var storedByUrl = store.ArticleIdsByUrl(keys.SelectMany(k => new[] { k.Url, k.Declared }).OfType<string>().ToList());
        var takenIds = store.TakenArticleIds(batch.Select((r, i) => (r, keys[i].Hash)).Where(x => x.Hash is not null && x.r.Article is not null)
            .SelectMany(x => IdCandidates(x.r.Article!.Id, x.Hash!)).ToList());
        for (var i = 0; i < batch.Count; i++)
        {
            var result = batch[i];
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

            var (hash, url, declared) = keys[i];
            var urls = new[] { url, declared }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            string? Known(string? key) => key is null ? null : byUrl.GetValueOrDefault(key) ?? storedByUrl.GetValueOrDefault(key);
            var sameText = byHash.GetValueOrDefault(hash) ?? storedByHash.GetValueOrDefault(hash);
            var duplicateOf = sameText ?? Known(url) ?? Known(declared);
            if (duplicateOf is not null)
            {
                var reason = sameText is not null ? "same text" : "same URL";
                ledger.Add(new LedgerEntry(article.Source, "duplicate", null, duplicateOf, reason));
                moreUrls.AddRange(urls.Select(key => (key, duplicateOf))); // the same article under another URL keeps both URLs
                continue;
            }

            var id = IdCandidates(article.Id, hash).FirstOrDefault(c => !takenIds.Contains(c) && !chosen.Contains(c)) ?? $"{article.Id}-{hash}-{i}";
            chosen.Add(id);
            incoming.Add(new Incoming(article with { Id = id }, article, hash, urls)); // the fetched URL and the page's declared canonical one both lead here
            byHash[hash] = id;
            foreach (var key in urls)
            {
                byUrl[key] = id;
            }

            ledger.Add(new LedgerEntry(article.Source, "stored", id, null, null));
        }

        return new SortedBatch(ledger, incoming, moreUrls, problems);
    }

    /// <summary>
    /// The ids an article may take, in order: the id it was given (from its URL or file name), then that id with the
    /// first 6, 12, and all 64 hex digits of its content hash. Many pages of a site share a last path segment, so an id
    /// may be taken dozens of times; a suffix from the text, not from a count, gives an article the same id whichever
    /// writer stores it, and two writers storing two texts at once never choose the same one.
    /// </summary>
    private static IEnumerable<string> IdCandidates(string id, string hash)
    {
        yield return id;
        foreach (var digits in new[] { 6, 12, 64 })
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{id}-{hash.AsSpan(0, digits)}");
        }
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
