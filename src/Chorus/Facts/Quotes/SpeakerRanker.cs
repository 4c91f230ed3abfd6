using Chorus.Learning;
using Chorus.Text;

namespace Chorus.Facts.Quotes;

/// <summary>
/// Chooses each quote's speaker among its candidates (<see cref="SpeakerCandidates"/>) with a boosted tree model trained
/// on the events benchmark's development part, cross-validated by topic (<c>./bench.sh speakers-train</c>). The best
/// candidate speaks when the model gives it at least <see cref="MinimumScore"/>; otherwise the attribution patterns'
/// choice stands, and a quote with no likely speaker keeps none. Without a model file the patterns decide alone.
/// </summary>
public sealed class SpeakerRanker
{
    /// <summary>The score below which no candidate is trusted over the patterns.</summary>
    public const double MinimumScore = 0.3;

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
    /// Which candidate speaks, or -1 to keep the patterns' choice: the best-scored candidate when it reaches
    /// <paramref name="minimum"/>, and, where the patterns chose a candidate, only when it beats theirs by
    /// <paramref name="margin"/>.
    /// </summary>
    public static int Choose(IReadOnlyList<SpeakerCandidate> candidates, IReadOnlyList<double> scores, double minimum, double margin)
    {
        if (candidates.Count == 0)
        {
            return -1;
        }

        var best = Enumerable.Range(0, candidates.Count).MaxBy(i => scores[i]);
        var patterns = Enumerable.Range(0, candidates.Count).Where(i => candidates[i].Features[0] > 0).Select(i => scores[i]).DefaultIfEmpty(double.NaN).Max();
        var beatsPatterns = double.IsNaN(patterns) || scores[best] - patterns >= margin;
        return scores[best] >= minimum && beatsPatterns ? best : -1;
    }

    private static BoostedTrees? LoadShipped()
    {
        using var stream = typeof(SpeakerRanker).Assembly.GetManifestResourceStream(ModelResource);
        return stream is null ? null : BoostedTrees.Load(stream);
    }
}
