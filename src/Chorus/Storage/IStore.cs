using Chorus.Extraction;

namespace Chorus.Storage;

/// <summary>A story as the store lists it.</summary>
public sealed record StoryRow(string Id, int Articles, string? Title, DateTimeOffset? First, DateTimeOffset? Last, int Sites);

/// <summary>What one ingest run did: how many inputs were stored, skipped as duplicates, or rejected.</summary>
public sealed record LedgerCounts(int Stored, int Duplicates, int Rejected, int Skipped = 0)
{
    public int Total => Stored + Duplicates + Rejected + Skipped;
}

/// <summary>A stored article as clustering sees it, without its text: <paramref name="Features"/> is null when none of the asked version are stored.</summary>
public sealed record IndexedArticle(long Seq, string Id, string Hash, DateTimeOffset? Published, string Story, string? Features);

/// <summary>
/// One row of the ingest ledger, to be written. <paramref name="InputKey"/> names the delivery of an input from a queue
/// (its publisher and number): the ledger holds each key once, so an input delivered again after its batch was
/// committed is known and not counted twice.
/// </summary>
public sealed record LedgerEntry(string Input, string State, string? ArticleId, string? DuplicateOf, string? Reason, string? InputKey = null);

/// <summary>
/// An article to store: its text's content hash, its story, its partition, and the canonical URLs it is found under
/// (which no stored article has).
/// </summary>
public sealed record NewArticle(Article Article, string Hash, string Story, StorePartition Partition, IReadOnlyList<string> Urls);

/// <summary>A story's brief as the store keeps it: the JSON of the brief, and the fingerprint of what it was built from.</summary>
public sealed record CachedBrief(string Story, string Fingerprint, string Brief, DateTimeOffset BuiltAt);

/// <summary>An article that a full-text search found, with its story; a lower rank is a better match.</summary>
public sealed record SearchHit(string ArticleId, string Story, double Rank);

/// <summary>
/// The store of articles, their stories and the ingest ledger: SQLite on one machine (<see cref="SqliteStore"/>, the
/// default) or PostgreSQL shared by many (<see cref="PostgresStore"/>). Both give the same answers to the same calls;
/// <see cref="Stores.Open"/> picks one by the target's form. Writes run inside <see cref="Write{T}"/>, one writer at a
/// time across every process that shares the store.
/// </summary>
public interface IStore : IDisposable
{
    /// <summary>Where the store is, for messages: a file path, or a server URL without its password.</summary>
    string Path { get; }

    /// <summary>How long this store's writes wait for other writers.</summary>
    TimeSpan WriteWait { get; }

    /// <summary>
    /// Called when a write finds another writer holding the store for more than a second, before it waits on (up to
    /// <see cref="WriteWait"/>), so a user can be told why nothing moves.
    /// </summary>
    Action? WaitingForWriter { get; set; }

    /// <summary>
    /// Runs <paramref name="work"/> as one write transaction that holds the store's write lock from its first statement,
    /// so what it reads cannot change under it: other writers, in this process or another, wait until it commits. Store
    /// writes made inside join this transaction; if <paramref name="work"/> throws, none of them stay.
    /// </summary>
    T Write<T>(Func<T> work);

    /// <inheritdoc cref="Write{T}(Func{T})"/>
    void Write(Action work);

    /// <summary>
    /// Runs <paramref name="work"/> as one write transaction that holds these partitions of the store, and the rest of
    /// it shared: on PostgreSQL, writers of other partitions write at the same time, while a whole-store
    /// <see cref="Write{T}(Func{T})"/> waits for all of them and they for it. The work may write articles of these
    /// partitions only. SQLite has one writer at a time, and takes the whole store.
    /// <para>
    /// Writers of two partitions may each store what the other is storing (a text, a URL, an id); the store's unique
    /// keys refuse the second, and it fails with <see cref="StoreConflictException"/>: run it again.
    /// </para>
    /// </summary>
    T Write<T>(IReadOnlyCollection<StorePartition> partitions, Func<T> work);

    /// <summary>The stored article of each of these content hashes that one has, by hash: one query for a batch.</summary>
    Dictionary<string, string> ArticleIdsByHash(IReadOnlyCollection<string> hashes);

    /// <summary>Which of these article ids stored articles have: one query for a batch.</summary>
    HashSet<string> TakenArticleIds(IReadOnlyCollection<string> ids);

    /// <summary>The stored article of each of these canonical URLs that leads to one, by URL: one query for a batch.</summary>
    Dictionary<string, string> ArticleIdsByUrl(IReadOnlyCollection<string> canonicalUrls);

    int StoryCount();

    /// <summary>Every stored article with its story, in arrival order; or only those of one story.</summary>
    List<(Article Article, string Story)> Articles(string? storyId = null);

    /// <summary>The ids of a story's articles, in arrival order, read without their text.</summary>
    List<string> ArticleIdsOf(string storyId);

    /// <summary>
    /// The stored articles after <paramref name="afterSeq"/> in arrival order, without their text: each one's place in
    /// that order, id, content hash, publication time, story, and its clustering features when they were stored with
    /// <paramref name="featuresVersion"/>; only those of some partitions when <paramref name="partitions"/> are given.
    /// </summary>
    List<IndexedArticle> ArticleIndex(string featuresVersion, long afterSeq = 0, IReadOnlyCollection<StorePartition>? partitions = null);

    /// <summary>The story of every stored article, by its place in arrival order.</summary>
    List<(long Seq, string Story)> StoriesOfArticles();

    /// <summary>
    /// Where the store stands: the arrival number of its last article, and how many revisions have moved articles
    /// between stories. A writer that saw the same two numbers saw the same stories.
    /// </summary>
    (long LastSeq, long Revision) Position();

    /// <summary>The number the next new story will get.</summary>
    long NextStoryNumber();

    /// <summary>
    /// Takes <paramref name="count"/> story numbers that no story has had: a story that a revision merged away keeps
    /// its number to itself, so an old link never leads to another story. Call it inside a write. The numbers follow
    /// one another when no other writer takes any at the same time (always, inside a whole-store write).
    /// </summary>
    IReadOnlyList<long> TakeStoryNumbers(int count);

    /// <summary>The arrival number of the last article when the stories were last revised over the whole store (-1: never).</summary>
    long RevisedThrough();

    /// <summary>Notes that a revision over every article up to <paramref name="lastSeq"/> ran. Call it inside <see cref="Write{T}"/>.</summary>
    void MarkRevised(long lastSeq);

    /// <summary>Stores articles' clustering features (replacing those of another version).</summary>
    void SaveFeatures(string version, IReadOnlyList<(string ArticleId, string Features)> features);

    /// <summary>The stories, largest first, each titled by its most representative headline.</summary>
    List<StoryRow> Stories();

    /// <summary>
    /// The articles whose title or text match every word of <paramref name="query"/> (stemmed, in any order), best
    /// first, with the engine's own full-text index: FTS5 in SQLite, a tsvector in PostgreSQL. The query is words, not
    /// the engine's query syntax: operators and quotes in it are read as words.
    /// </summary>
    List<SearchHit> Search(string query, int limit = 100);

    long BeginRun(DateTimeOffset now);

    void FinishRun(long run, DateTimeOffset now);

    /// <summary>
    /// Writes one batch atomically: new or grown stories, new articles with their URLs, story and partition, extra URLs
    /// of duplicates (kept where no article has them yet), and the ledger rows. A new article's own URLs must be free:
    /// one that another writer took meanwhile fails the write with <see cref="StoreConflictException"/>. The caller decides stories and ids inside <see cref="Write{T}"/>, from what the
    /// store holds then, and commits within it.
    /// </summary>
    void Commit(
        long run,
        DateTimeOffset now,
        IReadOnlyList<NewArticle> articles,
        IReadOnlyList<(string Url, string ArticleId)> urls,
        IReadOnlyList<LedgerEntry> ledger);

    /// <summary>
    /// Moves stored articles to other stories in one transaction (a story may gain a new id), drops the stories left
    /// without articles, and counts the revision, so that other writers know to read the stories again.
    /// </summary>
    void Revise(DateTimeOffset now, IReadOnlyList<(string ArticleId, string Story)> moves);

    /// <summary>How many inputs of one run ended in each state of the ledger.</summary>
    LedgerCounts Counts(long run);

    /// <summary>How many inputs of every run ended in each state of the ledger.</summary>
    LedgerCounts Counts();

    /// <summary>Which of these input keys the ledger already holds (their inputs were committed before).</summary>
    HashSet<string> LedgeredKeys(IReadOnlyCollection<string> keys);

    /// <summary>The brief kept for a story, or null when none is (a revision that empties a story drops its brief).</summary>
    CachedBrief? CachedBrief(string storyId);

    /// <summary>The fingerprint of every kept brief, by story.</summary>
    Dictionary<string, string> BriefFingerprints();

    /// <summary>Keeps a story's brief, in place of the one kept before.</summary>
    void SaveBrief(CachedBrief brief);
}
