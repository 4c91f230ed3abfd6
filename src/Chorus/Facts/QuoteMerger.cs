using Chorus.Text;

namespace Chorus.Facts;

/// <summary>
/// Merges the same quote across outlets: word overlap of at least 60% (or one quote inside the other), with
/// compatible speakers. The text shown is taken verbatim from one article: a wording with no wire quotation marks inside,
/// then the one that holds most of the others (a copy that cut the quote's first or last sentence is held by the full
/// one), then the one most origins carry.
/// </summary>
public static class QuoteMerger
{
    public static List<MergedQuote> Merge(IReadOnlyList<AnalyzedArticle> articles, IReadOnlyList<StoryEntity> entities, Func<string, string> originOf, Func<string, double> qualityOf)
    {
        var items = new List<Item>();
        foreach (var article in articles)
        {
            foreach (var quote in QuoteExtractor.Extract(article))
            {
                // The entity named where the speaker is: a person first ("the Estonian minister" holds a place's
                // name too), never a place.
                var entity = quote.Speaker is { } speaker
                    ? entities
                        .Where(e => e.Kind != EntityKind.Place && e.Mentions.Any(m => m.ArticleId == article.Id && m.Mention.Span.Overlaps(speaker)))
                        .OrderBy(e => e.Kind == EntityKind.Person ? 0 : 1)
                        .FirstOrDefault()
                    : null;
                var speakerName = entity?.Name ?? quote.Speaker?.Of(article.Text);
                items.Add(new Item(article, quote, entity?.Id, speakerName, Words(quote.Span.Of(article.Text))));
            }
        }

        var groups = GreedyGroups.Of(items, (group, item) => group.Any(other => SameQuote(item, other)));

        return groups
            .Select(g =>
            {
                var variants = g.GroupBy(i => i.Quote.Span.Of(i.Article.Text), StringComparer.Ordinal).ToList();
                var chosen = variants
                    .OrderBy(v => HoldsQuotationMarks(v.Key))
                    .ThenByDescending(v => variants.Count(o => Folded(v.Key).Contains(Folded(o.Key), StringComparison.Ordinal)))
                    .ThenByDescending(v => v.Select(i => originOf(i.Article.Id)).Distinct(StringComparer.Ordinal).Count())
                    .ThenByDescending(v => v.Max(i => qualityOf(i.Article.Id)))
                    .First()
                    .OrderByDescending(i => qualityOf(i.Article.Id))
                    .First();
                var speaker = g.Where(i => i.EntityId is not null).GroupBy(i => i.EntityId).OrderByDescending(x => x.Count()).FirstOrDefault()?.First()
                    ?? g.FirstOrDefault(i => i.Speaker is not null);
                return new MergedQuote(
                    speaker?.Speaker,
                    speaker?.EntityId,
                    chosen.Quote.Span.Of(chosen.Article.Text),
                    chosen.Article.Id,
                    g.Select(i => i.Article.Id).Distinct(StringComparer.Ordinal).ToList());
            })
            .OrderByDescending(q => q.Sources.Count)
            .ToList();
    }

    /// <summary>
    /// A wording with a wire archive's quotation marks inside (``, '') was cut from the text at the wrong marks: the
    /// last to show. Double marks inside may be a title the speaker named, and count for nothing here.
    /// </summary>
    private static bool HoldsQuotationMarks(string quoted) =>
        quoted.Contains("``", StringComparison.Ordinal) || quoted.Contains("''", StringComparison.Ordinal);

    /// <summary>A quote's words in lower case, one space apart, for telling whether one wording holds another.</summary>
    private static string Folded(string quoted) =>
        " " + string.Join(' ', Tokenizer.WordRanges(quoted).Select(r => quoted[r].ToLowerInvariant())) + " ";

    private static bool SameQuote(Item a, Item b)
    {
        if (a.EntityId is not null && b.EntityId is not null && a.EntityId != b.EntityId)
        {
            return false;
        }

        var shared = a.Words.Count(b.Words.Contains);
        var union = a.Words.Count + b.Words.Count - shared;
        var smaller = Math.Min(a.Words.Count, b.Words.Count);
        return union > 0 && (shared / (double)union >= 0.6 || (smaller >= 4 && shared / (double)smaller >= 0.85));
    }

    private static HashSet<string> Words(string text) =>
        Tokenizer.WordRanges(text).Select(r => text[r].ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private sealed record Item(AnalyzedArticle Article, QuoteMention Quote, string? EntityId, string? Speaker, HashSet<string> Words);
}
