using Chorus.Similarity;
using Chorus.Text;

namespace Chorus.Clustering;

/// <summary>
/// Single-pass streaming story assignment: each article, in publication order (input order when
/// undated), joins the story whose tf-idf centroid is nearest above <see cref="ClusteringOptions.JoinThreshold"/>,
/// or starts a new one. Candidates come from an inverted index over the articles' heaviest terms and a time
/// window, never from all pairs. A merge step then joins stories whose centroids turn out to be close, a new story
/// that holds two events of one kind is split in two (<see cref="StorySplitter"/>), and each new article may move to
/// a story it now fits better.
/// Articles are reduced to compact <see cref="ClusterItem"/>s (term ids and counts), so a stream of a million fits.
/// </summary>
public sealed class StoryClusterer(ClusteringOptions options)
{
    public StoryClusterer() : this(ClusteringOptions.Default)
    {
    }

    /// <summary>The order articles arrive in: by publication time when known, else input order.</summary>
    public static IReadOnlyList<AnalyzedArticle> ArrivalOrder(IReadOnlyList<AnalyzedArticle> articles) =>
        ArrivalOrder(articles.Select(a => a.Article.Published).ToList()).Select(i => articles[i]).ToList();

    /// <summary>Indices in arrival order: by publication time when known, else input order.</summary>
    public static IReadOnlyList<int> ArrivalOrder(IReadOnlyList<DateTimeOffset?> published) =>
        Enumerable.Range(0, published.Count).OrderBy(i => published[i] ?? DateTimeOffset.MaxValue).ThenBy(i => i).ToList();

    /// <summary>Clusters a batch into stories, numbered in order of their first article.</summary>
    public IReadOnlyList<Story> Cluster(IReadOnlyList<AnalyzedArticle> articles) => Assign([], articles);

    /// <summary>
    /// Assigns incoming articles to the given existing stories (whose ids are kept) or to new stories
    /// ("new-1", "new-2", ...). Returns every story that has members, existing ones first.
    /// </summary>
    public IReadOnlyList<Story> Assign(IReadOnlyList<Story> existing, IReadOnlyList<AnalyzedArticle> incoming)
    {
        var vocabulary = new Vocabulary();
        var articles = existing.SelectMany(s => s.Articles).Concat(incoming).ToList();
        var items = articles.Select(a => ClusterFeatures.Item(ClusterFeatures.Of(a, options), a.Article.Published, vocabulary)).ToList();
        var fixedStory = existing.SelectMany((s, k) => s.Articles.Select(_ => k)).Concat(incoming.Select(_ => -1)).ToArray();
        var groups = Run(items, fixedStory, existing.Count);
        var fresh = 0;
        return groups.Select(g => new Story(g.Fixed >= 0 ? existing[g.Fixed].Id : $"new-{++fresh}", g.Members.Select(i => articles[i]).ToList())).ToList();
    }

    /// <summary>A story found by <see cref="Run"/>: the existing story it continues (or -1) and its members' indices.</summary>
    public sealed record Group(int Fixed, IReadOnlyList<int> Members);

    /// <summary>
    /// The clustering itself over compact items. Items with <paramref name="fixedStory"/> &gt;= 0 belong to that
    /// existing story (0..<paramref name="existingStories"/>-1); the others arrive in publication order and join or
    /// start stories. Returns the stories that have members: existing ones first, then new ones in creation order.
    /// </summary>
    public IReadOnlyList<Group> Run(IReadOnlyList<ClusterItem> items, int[] fixedStory, int existingStories)
    {
        var frequencies = new TermFrequencies();
        foreach (var item in items)
        {
            frequencies.Add(item.Terms);
        }

        SparseVector Vector(int i) => SparseVector.Weighted(items[i].Terms, items[i].Counts, frequencies.Idf);

        var states = new List<StoryState>();
        var index = new StoryIndex();
        for (var k = 0; k < existingStories; k++)
        {
            states.Add(new StoryState(k));
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (fixedStory[i] >= 0)
            {
                var vector = Vector(i);
                states[fixedStory[i]].Add(i, vector, items[i].Published);
                index.Add(states[fixedStory[i]], vector.TopTerms(options.CandidateTerms));
            }
        }

        var incoming = Enumerable.Range(0, items.Count).Where(i => fixedStory[i] < 0).ToList();
        var arrivals = ArrivalOrder(incoming.Select(k => items[k].Published).ToList()).Select(k => (incoming[k], items[incoming[k]]));
        var stories = Reassign(Stream(arrivals, frequencies, learn: false, states, index), items, fixedStory, Vector);

        // A story of two events is split, and the revision runs again for the articles the split left on the wrong side.
        return Reassign(Split(stories, items), items, fixedStory, Vector);
    }

    /// <summary>Each new story that holds two events becomes two stories (<see cref="StorySplitter"/>); existing stories keep their articles.</summary>
    private List<Group> Split(List<Group> groups, IReadOnlyList<ClusterItem> items) =>
        groups.SelectMany(g => g.Fixed >= 0 ? [g] : StorySplitter.Split(g.Members, items, options.SplitShare).Select(part => new Group(-1, part))).ToList();

    /// <summary>
    /// One revision over a batch whose items are all at hand: each new article that is closer to another story of
    /// two or more articles than to its own story without it moves there, if that closeness reaches the join threshold.
    /// An early arrival joined the story that looked best then; the stories have grown since. Moves are decided on the
    /// stories as they stood, all at once, and existing stories keep their articles.
    /// </summary>
    private List<Group> Reassign(IReadOnlyList<Group> groups, IReadOnlyList<ClusterItem> items, int[] fixedStory, Func<int, SparseVector> vector)
    {
        var centroids = groups.Select(_ => new RunningCentroid()).ToArray();
        var dates = groups.Select(_ => new StoryState(-1)).ToArray(); // only their time spans are used
        var storyOf = new int[items.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var i in groups[g].Members)
            {
                storyOf[i] = g;
                centroids[g].Add(vector(i));
                dates[g].Widen(items[i].Published, items[i].Published);
            }
        }

        var byTerm = LargerStoriesByTerm(centroids, g => groups[g].Members.Count);

        var moves = new Dictionary<int, int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (fixedStory[i] >= 0)
            {
                continue;
            }

            var v = vector(i);
            var own = storyOf[i];
            var (best, bestScore) = (own, Math.Max(options.JoinThreshold, centroids[own].CosineWithout(v)));
            foreach (var term in v.TopTerms(options.CandidateTerms))
            {
                foreach (var g in byTerm.GetValueOrDefault(term) ?? [])
                {
                    if (g != own && dates[g].WithinWindow(items[i].Published, options.Window) && centroids[g].Cosine(v) is var score && (score > bestScore || (score == bestScore && g < best && best != own)))
                    {
                        (best, bestScore) = (g, score);
                    }
                }
            }

            if (best != own)
            {
                moves[i] = best;
            }
        }

        if (moves.Count == 0)
        {
            return groups.ToList();
        }

        var members = groups.Select(g => g.Members.Where(i => !moves.ContainsKey(i)).ToList()).ToArray();
        foreach (var (i, g) in moves.OrderBy(m => m.Key))
        {
            members[g].Add(i);
        }

        return groups.Select((g, k) => new Group(g.Fixed, members[k])).Where(g => g.Members.Count > 0).ToList();
    }

    /// <summary>
    /// Clusters items as they arrive, for a stream too large to hold before clustering: document frequencies
    /// are learned from the items seen so far, so reading and clustering can overlap.
    /// </summary>
    public IReadOnlyList<Group> Stream(IEnumerable<(int Index, ClusterItem Item)> arrivals) =>
        Stream(arrivals, new TermFrequencies(), learn: true, [], new StoryIndex());

    private IReadOnlyList<Group> Stream(IEnumerable<(int Index, ClusterItem Item)> arrivals, TermFrequencies frequencies, bool learn, List<StoryState> states, StoryIndex index)
    {
        foreach (var (i, item) in arrivals)
        {
            if (learn)
            {
                frequencies.Add(item.Terms);
            }

            var vector = SparseVector.Weighted(item.Terms, item.Counts, frequencies.Idf);
            var top = vector.TopTerms(options.CandidateTerms);
            var best = index.Closest(vector, top, item.Published, options);
            if (best is null)
            {
                best = new StoryState(-1);
                states.Add(best);
            }

            best.Add(i, vector, item.Published);
            index.Add(best, top);
        }

        return Merge(states).Where(s => s.Members.Count > 0).Select(s => new Group(s.Fixed, s.Members)).ToList();
    }

    /// <summary>
    /// A long-lived assigner for a store that grows batch by batch: it keeps the stored stories' centroids, the term
    /// frequencies and the candidate index between batches, so a batch costs its own size and not the store's. Each
    /// arrival joins the closest story above the join threshold, or starts one, as the streaming pass does; the
    /// revision over the whole store (<see cref="Run"/>) then merges, splits and moves what a single pass got wrong.
    /// Stories are numbered 0.. in the order the assigner first saw them.
    /// </summary>
    public sealed class Assigner(ClusteringOptions options)
    {
        private readonly TermFrequencies _frequencies = new();
        private readonly StoryIndex _index = new();
        private readonly List<StoryState> _states = [];
        private int _items;

        /// <summary>How many stories the assigner knows: the next new story gets this number.</summary>
        public int Stories => _states.Count;

        /// <summary>Adds an article that is stored in story <paramref name="story"/> (one past the last: a story new to the assigner).</summary>
        public void AddStored(ClusterItem item, int story)
        {
            if (story == _states.Count)
            {
                _states.Add(new StoryState(story));
            }

            Add(_states[story], item);
        }

        /// <summary>Assigns new articles in publication order; returns each one's story number, new stories numbered from <see cref="Stories"/> up.</summary>
        public int[] Assign(IReadOnlyList<ClusterItem> items)
        {
            var storyOf = new int[items.Count];
            foreach (var k in ArrivalOrder(items.Select(x => x.Published).ToList()))
            {
                var item = items[k];
                _frequencies.Add(item.Terms);
                var vector = SparseVector.Weighted(item.Terms, item.Counts, _frequencies.Idf);
                var top = vector.TopTerms(options.CandidateTerms);
                var best = _index.Closest(vector, top, item.Published, options);
                if (best is null)
                {
                    best = new StoryState(_states.Count);
                    _states.Add(best);
                }

                best.Add(_items++, vector, item.Published);
                _index.Add(best, top);
                storyOf[k] = best.Fixed;
            }

            return storyOf;
        }

        private void Add(StoryState state, ClusterItem item)
        {
            _frequencies.Add(item.Terms);
            var vector = SparseVector.Weighted(item.Terms, item.Counts, _frequencies.Idf);
            state.Add(_items++, vector, item.Published);
            _index.Add(state, vector.TopTerms(options.CandidateTerms));
        }
    }

    /// <summary>
    /// Stories by the heaviest terms of their articles. A story whose newest dated article is more than twice the
    /// window older than a dated arrival is retired from the term lists that arrival walks: arrivals come in
    /// publication order, so no later dated article can join it, and the lists stay as short as the window instead
    /// of growing with the stream. Undated arrivals still see retired stories.
    /// </summary>
    private sealed class StoryIndex
    {
        private readonly Dictionary<int, List<StoryState>> _live = [];
        private readonly Dictionary<int, List<StoryState>> _retired = [];
        private readonly HashSet<StoryState> _seen = [];

        public void Add(StoryState state, int[] topTerms)
        {
            foreach (var term in topTerms)
            {
                if (!_live.TryGetValue(term, out var list))
                {
                    _live[term] = list = [];
                }

                if ((list.Count == 0 || list[^1] != state) && !list.Contains(state))
                {
                    list.Add(state);
                }
            }
        }

        /// <summary>
        /// The story an arrival joins: among the candidates its heaviest terms find, the one within the window whose
        /// centroid is closest to it, at or above the join threshold (the latest found wins a tie); null when none is.
        /// </summary>
        public StoryState? Closest(SparseVector vector, int[] topTerms, DateTimeOffset? at, ClusteringOptions options)
        {
            StoryState? best = null;
            var bestScore = options.JoinThreshold;
            foreach (var candidate in Candidates(topTerms, at, options.Window))
            {
                if (candidate.WithinWindow(at, options.Window) && candidate.Centroid.Cosine(vector) is var score && score >= bestScore)
                {
                    (best, bestScore) = (candidate, score);
                }
            }

            return best;
        }

        public IEnumerable<StoryState> Candidates(int[] topTerms, DateTimeOffset? at, TimeSpan window)
        {
            _seen.Clear();
            foreach (var term in topTerms)
            {
                if (_live.TryGetValue(term, out var stories))
                {
                    if (at is { } when)
                    {
                        Retire(term, stories, when, window * 2);
                    }

                    foreach (var story in stories)
                    {
                        if (_seen.Add(story))
                        {
                            yield return story;
                        }
                    }
                }

                if (at is null && _retired.TryGetValue(term, out var old))
                {
                    foreach (var story in old)
                    {
                        if (_seen.Add(story))
                        {
                            yield return story;
                        }
                    }
                }
            }
        }

        private void Retire(int term, List<StoryState> stories, DateTimeOffset when, TimeSpan age)
        {
            var kept = 0;
            for (var i = 0; i < stories.Count; i++)
            {
                if (stories[i].Last is { } last && when - last > age)
                {
                    if (!_retired.TryGetValue(term, out var old))
                    {
                        _retired[term] = old = [];
                    }

                    old.Add(stories[i]);
                }
                else
                {
                    stories[kept++] = stories[i];
                }
            }

            stories.RemoveRange(kept, stories.Count - kept);
        }
    }

    /// <summary>
    /// Joins stories whose centroids are close (single link, the older story keeps its id; two existing stories
    /// are never merged). Candidate pairs come from the stories' heaviest centroid terms, not from all pairs.
    /// </summary>
    private List<StoryState> Merge(List<StoryState> states)
    {
        var byTerm = new Dictionary<int, List<int>>();
        var topTerms = states.Select(s => s.Centroid.TopTerms(options.CandidateTerms).ToArray()).ToArray();
        for (var i = 0; i < states.Count; i++)
        {
            foreach (var term in topTerms[i])
            {
                (byTerm.TryGetValue(term, out var list) ? list : byTerm[term] = []).Add(i);
            }
        }

        var parent = Enumerable.Range(0, states.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var i = 0; i < states.Count; i++)
        {
            var candidates = new SortedSet<int>();
            foreach (var term in topTerms[i])
            {
                foreach (var j in byTerm[term])
                {
                    if (j > i)
                    {
                        candidates.Add(j);
                    }
                }
            }

            foreach (var j in candidates)
            {
                if (states[i].WithinWindow(states[j], options.Window) && states[i].Centroid.Cosine(states[j].Centroid) >= options.MergeThreshold)
                {
                    var (a, b) = (Find(i), Find(j));
                    if (a != b && !(states[a].Fixed >= 0 && states[b].Fixed >= 0))
                    {
                        parent[Math.Max(a, b)] = Math.Min(a, b);
                    }
                }
            }
        }

        var merged = new List<StoryState>();
        for (var i = 0; i < states.Count; i++)
        {
            var root = Find(i);
            if (root == i)
            {
                merged.Add(states[i]);
            }
            else
            {
                states[root].Absorb(states[i]);
            }
        }

        return Rescue(merged);
    }

    /// <summary>
    /// A new story of one article that no later arrival joined may fit a story that grew after it came. Its centroid
    /// is the article itself, so the join threshold applies; it joins the one larger story it is now closest to.
    /// </summary>
    private List<StoryState> Rescue(List<StoryState> stories)
    {
        var byTerm = LargerStoriesByTerm(stories.Select(s => s.Centroid).ToList(), i => stories[i].Members.Count);

        var into = new int[stories.Count];
        for (var i = 0; i < stories.Count; i++)
        {
            into[i] = -1;
            if (stories[i].Members.Count != 1 || stories[i].Fixed >= 0)
            {
                continue;
            }

            var bestScore = options.JoinThreshold;
            foreach (var term in stories[i].Centroid.TopTerms(options.CandidateTerms))
            {
                foreach (var j in byTerm.GetValueOrDefault(term) ?? [])
                {
                    if (stories[i].WithinWindow(stories[j], options.Window) && stories[j].Centroid.Cosine(stories[i].Centroid) is var score && (score > bestScore || (score == bestScore && j < into[i])))
                    {
                        (into[i], bestScore) = (j, score);
                    }
                }
            }
        }

        var kept = new List<StoryState>();
        for (var i = 0; i < stories.Count; i++)
        {
            if (into[i] < 0)
            {
                kept.Add(stories[i]);
            }
            else
            {
                stories[into[i]].Absorb(stories[i]);
            }
        }

        return kept;
    }

    /// <summary>The stories of two or more articles by the heaviest terms of their centroids: where an article looks for a better story.</summary>
    private Dictionary<int, List<int>> LargerStoriesByTerm(IReadOnlyList<RunningCentroid> centroids, Func<int, int> size)
    {
        var byTerm = new Dictionary<int, List<int>>();
        for (var k = 0; k < centroids.Count; k++)
        {
            if (size(k) > 1)
            {
                foreach (var term in centroids[k].TopTerms(options.CandidateTerms))
                {
                    (byTerm.TryGetValue(term, out var list) ? list : byTerm[term] = []).Add(k);
                }
            }
        }

        return byTerm;
    }

    private sealed class StoryState(int fixedStory)
    {
        public int Fixed { get; } = fixedStory;

        public List<int> Members { get; } = [];

        public RunningCentroid Centroid { get; } = new();

        public DateTimeOffset? First { get; private set; }

        public DateTimeOffset? Last { get; private set; }

        public void Add(int item, SparseVector vector, DateTimeOffset? published)
        {
            Members.Add(item);
            Centroid.Add(vector);
            Widen(published, published);
        }

        public void Absorb(StoryState other)
        {
            Members.AddRange(other.Members);
            Centroid.Add(other.Centroid);
            Widen(other.First, other.Last);
        }

        // Differences, not shifted dates: a date near the calendar's ends cannot be moved by a window without overflowing.
        public bool WithinWindow(DateTimeOffset? when, TimeSpan window) =>
            when is not { } at || First is not { } first || (at - first >= -window && at - Last!.Value <= window);

        public bool WithinWindow(StoryState other, TimeSpan window) =>
            First is not { } first || other.First is not { } otherFirst || (otherFirst - Last!.Value <= window && other.Last!.Value - first >= -window);

        public void Widen(DateTimeOffset? first, DateTimeOffset? last)
        {
            if (first is { } f)
            {
                First = First is null || f < First ? f : First;
            }

            if (last is { } l)
            {
                Last = Last is null || l > Last ? l : Last;
            }
        }
    }
}
