using System.Text.RegularExpressions;
using Chorus.Clustering;
using Chorus.Extraction;
using Chorus.Facts;
using Chorus.Facts.Claims;
using Chorus.Text;

namespace Chorus.Summary;

/// <summary>
/// Picks the summary sentences of a story. A sentence scores by how central its words are to the story
/// (the share of articles using them) and how early it comes; <see cref="CoverageSelector"/> then chooses, within
/// the word budget, the sentences that best cover the story together, never one that repeats a chosen one. Each is
/// shown in the wording of its cleanest source (dateline trimmed), cited by every article that says the same, and
/// ordered as in the articles. Sentences that open with a dangling pronoun or connective, hold half a quote, or do
/// not end as a statement are not used.
/// </summary>
public static partial class BriefSummarizer
{
    public const double SameContent = 0.5;

    /// <summary>
    /// The share of a summary sentence's content terms a sentence of another article must hold for that article to be
    /// cited for it: a looser likeness (<see cref="SameContent"/>) finds the wordings, but a citation claims support.
    /// Two thirds, not 60 %: the events bench's independent check (60 % of its own stemmed words) splits hyphenated words
    /// and abbreviations otherwise, and four citations at 60-66 % here fell under its line.
    /// </summary>
    public const double LeastHeld = 0.67;

    /// <summary>How many sentences of one article the summary considers: far more than a news article has.</summary>
    public const int MostCandidatesPerArticle = 400;

    /// <summary>A sentence whose terms have at least this cosine with a chosen one repeats it and is not taken.</summary>
    public const double Redundant = 0.4;

    private static readonly HashSet<string> s_danglingOpeners = new(StringComparer.Ordinal)
    {
        "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "their", "its", "but", "however", "also", "and",
        "meanwhile", "still", "yet", "instead", "such", "there", "then", "so", "or", "both", "neither", "nor", "we", "i", "you", "our",
    };

    private static readonly HashSet<string> s_subjectPronouns = new(StringComparer.Ordinal) { "he", "she", "it", "they", "this", "these", "those" };

    /// <summary>Verbs that end the words before a colon which introduces a quote ("Tamm said: ...").</summary>
    private static readonly HashSet<string> s_speechVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "added", "told", "stated", "declared", "announced", "asked", "wrote", "explained", "warned", "replied", "insisted",
    };

    public static List<SummarySentence> Summarize(StoryAnalysis analysis, int maxWords)
    {
        var articles = analysis.Story.Articles;
        var weights = TermWeights(articles);
        var contested = ContestedSentences(analysis);
        var candidates = Candidates(articles).Where(c => !contested.Contains((c.Article.Id, c.Sentence.Index))).ToList();
        FindEquivalents(candidates);
        foreach (var candidate in candidates)
        {
            // Weights fitted on the first 10 DUC 2004 clusters (the development part): the length damping of 0.7
            // favours full sentences over fragments; a count of supporting origins added nothing there.
            var centrality = candidate.Terms.Sum(t => weights.GetValueOrDefault(t)) / Math.Pow(candidate.Terms.Count + 1, 0.7);
            candidate.Score = centrality + (0.3 / (1 + candidate.Sentence.Index));
        }

        // The selection weighs coverage of the whole story, variety and each sentence's own score; each sentence it
        // takes is shown in the cleanest wording among its equivalents that fits.
        var selector = new CoverageSelector(
            candidates.Select(c => c.Sentence.Terms).ToList(), candidates.Select(c => c.Words).ToList(), candidates.Select(c => c.Score).ToList(), CoverageSelector.Settings.Default);
        var chosen = new List<Candidate>();
        var words = 0;
        bool Fits(Candidate c) => words + c.Words <= maxWords && !chosen.Any(x => CopyDetector.SetCosine(x.Terms, c.Terms) >= Redundant);
        while (selector.Best(i => Fits(candidates[i])) is { } next)
        {
            selector.Take(next);
            var candidate = candidates[next];
            var wording = candidate.Equivalents
                .Where(e => CopyDetector.SetCosine(e.Terms, candidate.Terms) >= SameContent && Fits(e))
                .OrderByDescending(e => analysis.QualityOf(e.Article.Id))
                .ThenByDescending(e => e.Equivalents.Count)
                .ThenBy(e => e.Order)
                .FirstOrDefault() ?? candidate;
            if (!chosen.Contains(wording))
            {
                chosen.Add(wording);
                words += wording.Words;
            }
        }

        // Values are read only for the sentences compared: the summary's and the wordings that hold enough of their words.
        var values = new Dictionary<Candidate, List<ClaimValue>>();
        List<ClaimValue> ValuesOf(Candidate c) =>
            values.TryGetValue(c, out var found) ? found : values[c] = ClaimValueReader.Read(c.Article, c.Sentence.Index);
        bool Backs(Candidate source, Candidate shown) =>
            source == shown || (Held(shown.Terms, source.Terms) >= LeastHeld && !LacksValues(ValuesOf(shown), ValuesOf(source)));

        return chosen
            .OrderBy(c => c.Sentence.Index / (double)Math.Max(1, c.Article.Sentences.Count))
            .ThenBy(c => c.Order)
            .Select(c => new SummarySentence(
                c.Span.Of(c.Article.Text),
                StoryOrder(articles, c.Equivalents.Where(e => Backs(e, c)).Select(e => e.Article.Id)),
                new Citation(c.Article.Id, c.Span.Start, c.Span.End)))
            .ToList();
    }

    /// <summary>The share of a sentence's content terms (numbers aside: they are compared as values) that another sentence holds.</summary>
    private static double Held(HashSet<string> shown, HashSet<string> source)
    {
        var words = shown.Where(t => !t.StartsWith('#')).ToList();
        return words.Count == 0 ? 1 : words.Count(source.Contains) / (double)words.Count;
    }

    /// <summary>
    /// Whether a source's sentence leaves out a value the shown sentence states, or gives another ("on Friday" for "on
    /// Tuesday", "2019" alone for "March 11, 2019"): every value shown must have one of its kind that agrees with it.
    /// </summary>
    private static bool LacksValues(IEnumerable<ClaimValue> shown, IEnumerable<ClaimValue> source)
    {
        var theirs = source.ToList();
        return shown.Any(v => !theirs.Any(t => t.CompatibleWith(v)));
    }

    /// <summary>
    /// Each candidate's equivalents (itself included): the candidates whose term sets have a cosine of at least
    /// <see cref="SameContent"/> with its own, counted through an index of terms instead of comparing all pairs.
    /// </summary>
    private static void FindEquivalents(List<Candidate> candidates)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            foreach (var term in candidates[i].Terms)
            {
                if (!index.TryGetValue(term, out var list))
                {
                    index[term] = list = [];
                }

                list.Add(i);
            }
        }

        var shared = new int[candidates.Count];
        var touched = new List<int>();
        for (var i = 0; i < candidates.Count; i++)
        {
            foreach (var term in candidates[i].Terms)
            {
                foreach (var j in index[term])
                {
                    if (shared[j]++ == 0)
                    {
                        touched.Add(j);
                    }
                }
            }

            touched.Sort();
            var equivalents = new List<Candidate>();
            foreach (var j in touched)
            {
                if (shared[j] / Math.Sqrt(candidates[i].Terms.Count * (double)candidates[j].Terms.Count) >= SameContent)
                {
                    equivalents.Add(candidates[j]);
                }

                shared[j] = 0;
            }

            touched.Clear();
            candidates[i].Equivalents = equivalents;
        }
    }

    /// <summary>
    /// Sentences that state a contested value: any side of a conflict but the one most origins hold
    /// (every side when there is a tie). The brief reports those under conflicts, not as what happened.
    /// </summary>
    private static HashSet<(string, int)> ContestedSentences(StoryAnalysis analysis)
    {
        var contested = new HashSet<(string, int)>();
        foreach (var conflict in analysis.Conflicts)
        {
            var most = conflict.Values.Max(v => v.Origins);
            var leaders = conflict.Values.Count(v => v.Origins == most);
            foreach (var value in conflict.Values.Where(v => v.Origins < most || leaders > 1))
            {
                foreach (var slot in analysis.Slots.Where(s => s.TopicLabel == conflict.Topic && value.Sources.Contains(s.ArticleId) && value.Evidence.Any(e => e.Source == s.ArticleId && e.Span == s.Evidence)))
                {
                    contested.Add((slot.ArticleId, slot.Sentence));
                }
            }
        }

        return contested;
    }

    /// <summary>A term's weight is the share of the story's articles that use it; words of a single article weigh nothing.</summary>
    private static Dictionary<string, double> TermWeights(IReadOnlyList<AnalyzedArticle> articles)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var term in article.TermCounts.Keys)
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        var least = articles.Count >= 3 ? 2 : 1;
        return counts.Where(p => p.Value >= least).ToDictionary(p => p.Key, p => p.Value / (double)articles.Count, StringComparer.Ordinal);
    }

    /// <summary>
    /// The usable sentences of each article, at most <see cref="MostCandidatesPerArticle"/> of them and each wording
    /// once: an article that repeats itself, or runs to book length, cannot make the equivalence search quadratic.
    /// </summary>
    private static List<Candidate> Candidates(IReadOnlyList<AnalyzedArticle> articles)
    {
        var candidates = new List<Candidate>();
        var order = 0;
        foreach (var article in articles)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sentence in article.Sentences)
            {
                if (seen.Count >= MostCandidatesPerArticle)
                {
                    break;
                }

                var span = WithoutDateline(article.Text, sentence.Span);
                var text = span.Of(article.Text);
                var words = Tokenizer.CountWords(text);
                if (words is < 6 or > 60 || sentence.Terms.Length < 3 || !char.IsUpper(FirstLetter(text)) || !EndsAsStatement(text)
                    || ChromeLineClassifier.IsChrome(text) || !QuotesBalanced(text) || OpensDangling(text) || IsLabelledEntry(text))
                {
                    continue;
                }

                if (seen.Add(text))
                {
                    candidates.Add(new Candidate(article, sentence, span, words, sentence.Terms.ToHashSet(StringComparer.Ordinal), order++));
                }
            }
        }

        return candidates;
    }

    /// <summary>
    /// Ends as a statement does: with a full stop (of any script) or an exclamation mark, perhaps inside closing
    /// quotes. A question is not what happened, and a line without an ending is a headline or a caption.
    /// </summary>
    private static bool EndsAsStatement(string text)
    {
        var end = text.AsSpan().TrimEnd().TrimEnd("\"'”’»」』)");
        return end.Length > 0 && end[^1] is '.' or '!' or '。' or '！' or '．' or '।' or '۔';
    }

    private static TextSpan WithoutDateline(string text, TextSpan span) =>
        new(span.Start + Dateline.Length(text, span.Start, span.Length), span.End);

    private static char FirstLetter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return char.IsDigit(c) ? 'A' : c;
            }
        }

        return 'a';
    }

    // Straight, curly, and the ``typewriter'' quotes of wire archives.
    private static bool QuotesBalanced(string text) =>
        text.Count(c => c == '"') % 2 == 0 && text.Count(c => c == '“') == text.Count(c => c == '”')
        && CountOf(text, "``") == CountOf(text, "''");

    private static int CountOf(string text, string mark)
    {
        var count = 0;
        for (var at = text.IndexOf(mark, StringComparison.Ordinal); at >= 0; at = text.IndexOf(mark, at + mark.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// An entry of a timeline or a fact box ("2019: Fisheries minister in the coalition.", "Born: Narva, 1950."): a label
    /// of up to three words before a colon opens it. It is a note, not a statement of what happened. "Tamm said: ..."
    /// introduces words; a label does not.
    /// </summary>
    private static bool IsLabelledEntry(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon + 1 >= text.Length || !char.IsWhiteSpace(text[colon + 1]) || text.AsSpan(0, colon).ContainsAny('"', '“', '`'))
        {
            return false;
        }

        var last = Tokenizer.WordRanges(text[..colon]).Select(r => text[r].ToLowerInvariant()).LastOrDefault();
        return Tokenizer.CountWords(text[..colon]) is >= 1 and <= 3 && (last is null || !s_speechVerbs.Contains(last));
    }

    /// <summary>
    /// Opens with a pronoun or connective that needs an antecedent, at the start ("He said ...") or right after a
    /// short opening phrase ("On Monday, he cut ...").
    /// </summary>
    private static bool OpensDangling(string text)
    {
        var words = Tokenizer.WordRanges(text, limit: 8).ToList();
        if (words.Count == 0)
        {
            return false;
        }

        if (s_danglingOpeners.Contains(text[words[0]].ToLowerInvariant()))
        {
            return true;
        }

        // The word after the first comma, when that comma closes an opening phrase of up to five words.
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var after = words.FindIndex(w => w.Start.Value > comma);
        return comma > 0 && after is > 0 and <= 5 && s_subjectPronouns.Contains(text[words[after]].ToLowerInvariant());
    }

    private static List<string> StoryOrder(IReadOnlyList<AnalyzedArticle> articles, IEnumerable<string> ids)
    {
        var set = ids.ToHashSet(StringComparer.Ordinal);
        return articles.Where(a => set.Contains(a.Id)).Select(a => a.Id).ToList();
    }

    private sealed class Candidate(AnalyzedArticle article, Sentence sentence, TextSpan span, int words, HashSet<string> terms, int order)
    {
        public AnalyzedArticle Article { get; } = article;

        public Sentence Sentence { get; } = sentence;

        public TextSpan Span { get; } = span;

        public int Words { get; } = words;

        public HashSet<string> Terms { get; } = terms;

        public int Order { get; } = order;

        public List<Candidate> Equivalents { get; set; } = [];

        public double Score { get; set; }
    }
}
