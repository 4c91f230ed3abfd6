using Chorus.Similarity;
using Chorus.Text;

namespace Chorus.Clustering;

/// <summary>
/// Single-pass streaming story assignment: each article, in publication order (input order when
/// undated), joins the story whose tf-idf centroid is nearest above <see cref="ClusteringOptions.JoinThreshold"/>,
/// or starts a new one. Candidates come from an inverted index over the stories' heaviest terms and a time
/// window, never from all pairs. A merge step then joins stories whose centroids turn out to be close.
/// </summary>
public sealed class StoryClusterer(ClusteringOptions options)
{
    public StoryClusterer() : this(ClusteringOptions.Default)
    {
    }

    /// <summary>The order articles arrive in: by publication time when known, else input order.</summary>
    public static IReadOnlyList<AnalyzedArticle> ArrivalOrder(IReadOnlyList<AnalyzedArticle> articles) =>
        articles
            .Select((a, i) => (a, i))
            .OrderBy(x => x.a.Article.Published ?? DateTimeOffset.MaxValue)
            .ThenBy(x => x.i)
            .Select(x => x.a)
            .ToList();

    /// <summary>Clusters a batch into stories, numbered in order of their first article.</summary>
    public IReadOnlyList<Story> Cluster(IReadOnlyList<AnalyzedArticle> articles) => Assign([], articles);

    /// <summary>
    /// Assigns incoming articles to the given existing stories (whose ids are kept) or to new stories
    /// ("new-1", "new-2", ...). Returns every story that has members, existing ones first.
    /// </summary>
    public IReadOnlyList<Story> Assign(IReadOnlyList<Story> existing, IReadOnlyList<AnalyzedArticle> incoming)
    {
        var features = existing.SelectMany(s => s.Articles).Concat(incoming).Distinct().ToDictionary(a => a, Features);
        var frequencies = new DocumentFrequencies();
        foreach (var counts in features.Values)
        {
            frequencies.Add(counts.Keys);
        }

        TermVector Vector(AnalyzedArticle article) => TermVector.FromCounts(features[article], frequencies);

        var states = new List<StoryState>();
        var index = new Dictionary<string, List<StoryState>>(StringComparer.Ordinal);
        foreach (var story in existing)
        {
            var state = new StoryState(story.Id, fixedId: true);
            foreach (var article in story.Articles)
            {
                state.Add(article, Vector(article));
                Index(state, Vector(article), index);
            }

            states.Add(state);
        }

        var fresh = 0;
        foreach (var article in ArrivalOrder(incoming))
        {
            var vector = Vector(article);
            StoryState? best = null;
            var bestScore = options.JoinThreshold;
            foreach (var candidate in Candidates(vector, index))
            {
                if (!candidate.WithinWindow(article.Article.Published, options.Window))
                {
                    continue;
                }

                var score = candidate.Centroid.Cosine(vector);
                if (score >= bestScore)
                {
                    best = candidate;
                    bestScore = score;
                }
            }

            if (best is null)
            {
                best = new StoryState($"new-{++fresh}", fixedId: false);
                states.Add(best);
            }

            best.Add(article, vector);
            Index(best, vector, index);
        }

        return Merge(states).Select(s => new Story(s.Id, s.Members)).ToList();
    }

    /// <summary>
    /// An article's features: its stemmed terms, its title's terms weighted up, and its named entities
    /// ("e:sergei valenko") weighted up, since the people, places and organisations name the event.
    /// </summary>
    private Dictionary<string, double> Features(AnalyzedArticle article)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var sentence in article.Sentences.Take(options.LeadSentences))
        {
            foreach (var term in sentence.Terms)
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        foreach (var (term, count) in article.TitleTermCounts)
        {
            counts[term] = counts.GetValueOrDefault(term) + (count * options.TitleWeight);
        }

        foreach (var mention in article.Mentions.Where(m => m.Sentence < options.LeadSentences))
        {
            if (mention.Kind is Text.EntityKind.Unknown)
            {
                continue;
            }

            var key = "e:" + (mention.Canonical ?? mention.Name).ToLowerInvariant();
            counts[key] = counts.GetValueOrDefault(key) + options.EntityWeight;
        }

        return counts;
    }

    private IEnumerable<StoryState> Candidates(TermVector vector, Dictionary<string, List<StoryState>> index)
    {
        var seen = new HashSet<StoryState>();
        foreach (var term in vector.TopTerms(options.CandidateTerms))
        {
            if (index.TryGetValue(term, out var stories))
            {
                foreach (var story in stories)
                {
                    if (seen.Add(story))
                    {
                        yield return story;
                    }
                }
            }
        }
    }

    /// <summary>A story is found through the heaviest terms of each of its articles.</summary>
    private void Index(StoryState state, TermVector vector, Dictionary<string, List<StoryState>> index)
    {
        foreach (var term in vector.TopTerms(options.CandidateTerms))
        {
            if (!index.TryGetValue(term, out var list))
            {
                index[term] = list = [];
            }

            if (list.Count == 0 || list[^1] != state)
            {
                if (!list.Contains(state))
                {
                    list.Add(state);
                }
            }
        }
    }

    /// <summary>
    /// Joins stories whose centroids are close (single link, the older story keeps its id). Candidate pairs
    /// come from the stories' heaviest centroid terms, not from all pairs.
    /// </summary>
    private List<StoryState> Merge(List<StoryState> states)
    {
        var position = states.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var byTerm = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < states.Count; i++)
        {
            foreach (var term in states[i].Centroid.TopTerms(options.CandidateTerms))
            {
                (byTerm.TryGetValue(term, out var list) ? list : byTerm[term] = []).Add(i);
            }
        }

        var parent = Enumerable.Range(0, states.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var i = 0; i < states.Count; i++)
        {
            var candidates = new HashSet<int>();
            foreach (var term in states[i].Centroid.TopTerms(options.CandidateTerms))
            {
                foreach (var j in byTerm[term])
                {
                    if (j > i)
                    {
                        candidates.Add(j);
                    }
                }
            }

            foreach (var j in candidates.Order())
            {
                if (states[i].WithinWindow(states[j], options.Window) && states[i].Centroid.Cosine(states[j].Centroid) >= options.MergeThreshold)
                {
                    var (a, b) = (Find(i), Find(j));
                    if (a != b && !(states[a].FixedId && states[b].FixedId))
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

        return merged;
    }

    private sealed class StoryState(string id, bool fixedId)
    {
        public string Id { get; } = id;

        public bool FixedId { get; } = fixedId;

        public List<AnalyzedArticle> Members { get; } = [];

        public RunningCentroid Centroid { get; } = new();

        public DateTimeOffset? First { get; private set; }

        public DateTimeOffset? Last { get; private set; }

        public void Add(AnalyzedArticle article, TermVector vector)
        {
            Members.Add(article);
            Centroid.Add(vector);
            Widen(article.Article.Published, article.Article.Published);
        }

        public void Absorb(StoryState other)
        {
            Members.AddRange(other.Members);
            Centroid.Add(other.Centroid);
            Widen(other.First, other.Last);
        }

        public bool WithinWindow(DateTimeOffset? when, TimeSpan window) =>
            when is null || First is null || (when >= First - window && when <= Last + window);

        public bool WithinWindow(StoryState other, TimeSpan window) =>
            First is null || other.First is null || (other.First <= Last + window && other.Last >= First - window);

        private void Widen(DateTimeOffset? first, DateTimeOffset? last)
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
