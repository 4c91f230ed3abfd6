using Chorus.Learning;
using Chorus.Text;

namespace Chorus.Facts.Quotes;

/// <summary>
/// Chooses each quote's speaker among its candidates (<see cref="SpeakerCandidates"/>) with a boosted tree model trained
/// on the events benchmark's development part (<c>./bench.sh speakers-train</c>). Where the patterns found no speaker,
/// the best candidate speaks from <see cref="MinimumScore"/>; where they found one, another candidate replaces it only
/// when it scores <see cref="Margin"/> higher. Without a model file the patterns decide alone, and no model ships: cross-
/// validated by topic the ranker almost never overrules the patterns, and the speakers it adds where they found none
/// were right for 0.80 of dev quotes at this cut-off but for about half of the DUC 2004 quotes read by hand
/// (BENCHMARKS.md, issue 17).
/// </summary>
public sealed class SpeakerRanker
{
    /// <summary>The score below which no candidate is trusted over the patterns.</summary>
    public const double MinimumScore = 0.7;

    /// <summary>How much better than the patterns' choice another candidate must score to replace it.</summary>
    public const double Margin = 0.2;

    private const string ModelResource = "Chorus.Facts.Quotes.speaker-ranker.json";

    private readonly BoostedTrees? _model;
    private readonly double _minimum;
    private readonly double _margin;

    public SpeakerRanker(BoostedTrees? model, double minimum = MinimumScore, double margin = Margin)
    {
        if (model is not null && !model.Features.SequenceEqual(SpeakerCandidates.FeatureNames))
        {
            throw new InvalidDataException($"The speaker model reads the features [{string.Join(", ", model.Features)}], not the candidates' [{string.Join(", ", SpeakerCandidates.FeatureNames)}].");
        }

        _model = model;
        _minimum = minimum;
        _margin = margin;
    }

    /// <summary>
    /// The ranker with the model shipped inside the assembly. The benchmark swaps in models that never saw a topic to
    /// score that topic's briefs (cross-validation by topic), one brief at a time.
    /// </summary>
    public static SpeakerRanker Shared { get; internal set; } = Shipped();

    /// <summary>A ranker with the shipped model, or the patterns alone when no model ships.</summary>
    public static SpeakerRanker Shipped() => new(LoadShipped());

    /// <summary>The quotes, each with the speaker the model prefers, or the patterns' one (see <see cref="Choose"/>).</summary>
    public List<QuoteMention> Attribute(AnalyzedArticle article, List<QuoteMention> quotes)
    {
        if (_model is null || quotes.Count == 0)
        {
            return quotes;
        }

        var candidates = SpeakerCandidates.Of(article, quotes);
        return quotes.Select((quote, i) =>
        {
            var scores = candidates[i].Select(c => _model.Score(c.Features)).ToList();
            return Choose(candidates[i], scores, _minimum, _margin) is var best and >= 0 ? quote with { Speaker = candidates[i][best].Speaker } : quote;
        }).ToList();
    }

    /// <summary>
    /// Which candidate speaks, or -1 to keep the patterns' choice. Where the patterns chose no one, the best-scored
    /// candidate speaks when it reaches <paramref name="minimum"/>; where they chose someone, another candidate replaces
    /// theirs only when it scores <paramref name="margin"/> higher.
    /// </summary>
    public static int Choose(IReadOnlyList<SpeakerCandidate> candidates, IReadOnlyList<double> scores, double minimum, double margin)
    {
        if (candidates.Count == 0)
        {
            return -1;
        }

        var best = Enumerable.Range(0, candidates.Count).MaxBy(i => scores[i]);
        var patterns = Enumerable.Range(0, candidates.Count).Where(i => candidates[i].IsPatternsChoice).Select(i => scores[i]).DefaultIfEmpty(double.NaN).Max();
        return double.IsNaN(patterns)
            ? (scores[best] >= minimum ? best : -1)
            : (scores[best] - patterns >= margin ? best : -1);
    }

    private static BoostedTrees? LoadShipped()
    {
        using var stream = typeof(SpeakerRanker).Assembly.GetManifestResourceStream(ModelResource);
        return stream is null ? null : BoostedTrees.Load(stream);
    }
}
