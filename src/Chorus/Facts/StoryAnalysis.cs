using Chorus.Clustering;

namespace Chorus.Facts;

/// <summary>One quote as several outlets carry it: the speaker, the exact words from one cited article, and every source.</summary>
public sealed record MergedQuote(string? Speaker, string? SpeakerEntityId, string Text, string TextSource, IReadOnlyList<string> Sources);

/// <summary>How far a reader can lean on one source, with the reasons.</summary>
public sealed record SourceAssessment(string ArticleId, double Quality, IReadOnlyList<string> Notes);

/// <summary>Everything Chorus concludes about one story.</summary>
public sealed record StoryAnalysis(
    Story Story,
    IReadOnlyList<CopyLink> Copies,
    IReadOnlyDictionary<string, string> OriginOf,
    IReadOnlyList<StoryEntity> Entities,
    IReadOnlyList<FactSlot> Slots,
    IReadOnlyList<Agreement> Agreements,
    IReadOnlyList<Conflict> Conflicts,
    IReadOnlyList<MergedQuote> Quotes,
    IReadOnlyList<SourceAssessment> Sources)
{
    public int OriginCount => OriginOf.Values.Distinct(StringComparer.Ordinal).Count();

    public double QualityOf(string articleId) => Sources.FirstOrDefault(s => s.ArticleId == articleId)?.Quality ?? 1;
}
