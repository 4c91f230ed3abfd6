using Chorus.Extraction;
using Chorus.Similarity;
using Chorus.Text;

namespace Chorus.Clustering;

/// <summary>
/// An article as the clusterer sees it: when it was published and its feature counts over term ids. Counts are
/// half-precision floats, exact for the whole and half counts features have, so a million items stay small.
/// </summary>
public sealed record ClusterItem(DateTimeOffset? Published, int[] Terms, Half[] Counts);

/// <summary>
/// An article's features for story clustering: the stemmed terms of its first sentences (the lead names the
/// event; the rest drifts), its title's terms weighted up, and the named entities of the lead ("e:sergei valenko")
/// weighted up. The same features come from a full analysis or, for streams, from a light pass over the article.
/// </summary>
public static class ClusterFeatures
{
    public static Dictionary<string, double> Of(AnalyzedArticle article, ClusteringOptions options) =>
        Of(article.Sentences.Take(options.LeadSentences).Select(s => s.Terms), article.Mentions, article.TitleTermCounts, options);

    /// <summary>The same features straight from an article: only the lead is split, tokenised and scanned for names.</summary>
    public static Dictionary<string, double> Of(Article article, ClusteringOptions options) =>
        OfLead(article, SentenceSplitter.Split(article.Text, options.LeadSentences), options).Features;

    /// <summary>
    /// The features and the copy print of a plain article in one pass: the text is split into sentences once, and
    /// the lead's terms serve both.
    /// </summary>
    public static (Dictionary<string, double> Features, CopyPrint Print) WithPrint(Article article, ClusteringOptions options)
    {
        var sentences = SentenceSplitter.Split(article.Text);
        var (features, leadTerms) = OfLead(article, sentences.Take(options.LeadSentences).ToList(), options);
        var rest = sentences.Skip(leadTerms.Count).Select(s => TextAnalyzer.Terms(article.Text, s.Start, s.End));
        return (features, CopyPrint.Of(article, leadTerms.Concat(rest)));
    }

    private static (Dictionary<string, double> Features, List<string[]> LeadTerms) OfLead(Article article, List<TextSpan> lead, ClusteringOptions options)
    {
        var text = article.Text;
        var title = new Dictionary<string, int>(StringComparer.Ordinal);
        if (article.Title is { } t)
        {
            foreach (var term in TextAnalyzer.Terms(t, 0, t.Length))
            {
                title[term] = title.GetValueOrDefault(term) + 1;
            }
        }

        // Each lead sentence is tokenised once, for its terms and its names.
        var tokens = lead.Select(s => Tokenizer.Tokenize(text, s.Start, s.End)).ToList();
        var terms = tokens.Select(t => TextAnalyzer.Terms(text, t)).ToList();
        return (Of(terms, EntityRecognizer.Recognize(text, tokens), title, options), terms);
    }

    /// <summary>
    /// The features of plain articles, in their order, computed on <paramref name="threads"/> threads (0: one a core).
    /// Their items are then made in that order (<see cref="Item"/>), so the same articles always get the same term ids
    /// (ties in clustering break by id).
    /// </summary>
    public static List<Dictionary<string, double>> Of(IReadOnlyList<Article> articles, ClusteringOptions options, int threads = 0) =>
        Threads.InOrder(articles, threads, a => Of(a, options));

    /// <summary>
    /// What stored features depend on: this method's own version and the options that shape them. A store keeps
    /// features with it, and recomputes those of another version.
    /// </summary>
    public static string Version(ClusteringOptions options) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"1;{options.LeadSentences};{options.TitleWeight:R};{options.EntityWeight:R}{(options.NumberWeight == 1 ? "" : $";{options.NumberWeight:R}")}");

    /// <summary>Features as text, one "term TAB count" per line, in the dictionary's order (terms hold no tab or line break).</summary>
    public static string Encode(Dictionary<string, double> counts) =>
        string.Join('\n', counts.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Key}\t{p.Value:R}")));

    /// <summary>The features <see cref="Encode"/> wrote, in the same order, so term ids come out the same.</summary>
    public static Dictionary<string, double> Decode(string encoded)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in encoded.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.LastIndexOf('\t');
            counts[line[..tab]] = double.Parse(line.AsSpan(tab + 1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    public static ClusterItem Item(Dictionary<string, double> counts, DateTimeOffset? published, Vocabulary vocabulary)
    {
        var terms = new int[counts.Count];
        var values = new Half[counts.Count];
        var i = 0;
        foreach (var (term, count) in counts)
        {
            // Half tops out at 65504; no lead repeats a word that often, but a hostile page might.
            terms[i] = vocabulary.IdOf(term);
            values[i++] = (Half)Math.Min(count, 60_000);
        }

        return new ClusterItem(published, terms, values);
    }

    private static Dictionary<string, double> Of(IEnumerable<string[]> leadTerms, IEnumerable<EntityMention> mentions, IReadOnlyDictionary<string, int> titleTerms, ClusteringOptions options)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var sentence in leadTerms)
        {
            foreach (var term in sentence)
            {
                counts[term] = counts.GetValueOrDefault(term) + (term[0] == '#' ? options.NumberWeight : 1);
            }
        }

        // A weight of 0 leaves a kind of feature out (a zero count would have no tf-idf weight).
        if (options.TitleWeight > 0)
        {
            foreach (var (term, count) in titleTerms)
            {
                counts[term] = counts.GetValueOrDefault(term) + (count * options.TitleWeight);
            }
        }

        foreach (var mention in mentions)
        {
            if (options.EntityWeight <= 0 || mention.Kind is EntityKind.Unknown || mention.Sentence >= options.LeadSentences)
            {
                continue;
            }

            var key = "e:" + (mention.Canonical ?? mention.Name).ToLowerInvariant();
            counts[key] = counts.GetValueOrDefault(key) + options.EntityWeight;
        }

        return counts;
    }
}
