using Chorus.Text;

namespace Chorus.Facts;

/// <summary>
/// Merges the same quote across outlets: word overlap of at least 60% (or one quote inside the other), with
/// compatible speakers. The text shown is taken verbatim from one article: a wording with no wire quotation marks inside,
/// then the one that holds most of the others (a copy that cut the quote's first or last sentence is held by the full
/// one), then the one most origins carry. It cites the articles whose words hold it or are held by it, and their copies;
/// another independent wording of the same quote (a second translation) is shown as a line of its own, with the same speaker.
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
            .SelectMany(g =>
            {
                var speaker = g.Where(i => i.EntityId is not null).GroupBy(i => i.EntityId).OrderByDescending(x => x.Count()).FirstOrDefault()?.First()
                    ?? g.FirstOrDefault(i => i.Speaker is not null);
                return Wordings(g, originOf, qualityOf).Select(w => new MergedQuote(
                    speaker?.Speaker,
                    speaker?.EntityId,
                    w.Shown.Quote.Span.Of(w.Shown.Article.Text),
                    w.Shown.Article.Id,
                    w.Items.Select(i => i.Article.Id).Distinct(StringComparer.Ordinal).ToList()));
            })
            .OrderByDescending(q => q.Sources.Count)
            .ToList();
    }

    /// <summary>
    /// The wordings of one quote that a reader can check word for word: the wording shown (see the class summary) with
    /// every article whose words hold it, are held by it (a copy that cut a sentence) or differ by a word or two, and the
    /// copies of those articles,
    /// whose garbled words are their source's (the source notes say so). Independent articles that word the quote
    /// otherwise (another translation: "We are all deeply saddened" against "We are saddened") make a line of their
    /// own, so a quote cites only articles that carry its words or copy them.
    /// </summary>
    private static List<(Item Shown, List<Item> Items)> Wordings(List<Item> group, Func<string, string> originOf, Func<string, double> qualityOf)
    {
        var result = new List<(Item, List<Item>)>();
        var left = group.ToList();
        while (left.Count > 0)
        {
            var variants = left.GroupBy(i => i.Quote.Span.Of(i.Article.Text), StringComparer.Ordinal).ToList();
            var chosen = variants
                .OrderBy(v => HoldsQuotationMarks(v.Key))
                .ThenByDescending(v => variants.Count(o => Folded(v.Key).Contains(Folded(o.Key), StringComparison.Ordinal)))
                .ThenByDescending(v => v.Select(i => originOf(i.Article.Id)).Distinct(StringComparer.Ordinal).Count())
                .ThenByDescending(v => v.Max(i => qualityOf(i.Article.Id)))
                .First();
            var shown = Folded(chosen.Key);
            var holding = left.Where(i => Folded(i.Quote.Span.Of(i.Article.Text)) is var words
                && (shown.Contains(words, StringComparison.Ordinal) || words.Contains(shown, StringComparison.Ordinal) || NearlyTheSame(shown, words))).ToList();
            var origins = holding.Select(i => originOf(i.Article.Id)).ToHashSet(StringComparer.Ordinal);
            var family = left.Where(i => holding.Contains(i) || origins.Contains(originOf(i.Article.Id))).ToList();
            result.Add((chosen.OrderByDescending(i => qualityOf(i.Article.Id)).First(), family));
            left = left.Except(family).ToList();
        }

        return result;
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

    /// <summary>
    /// Two wordings a word or two apart in the same order ("keeps boats at sea", "keeps the boats at sea"): at most one
    /// word in ten inserted, dropped or changed, counted on the longer.
    /// </summary>
    private static bool NearlyTheSame(string a, string b)
    {
        var x = a.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var y = b.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var allowed = Math.Max(x.Length, y.Length) / 10;
        if (Math.Abs(x.Length - y.Length) > allowed)
        {
            return false;
        }

        return NameMatcher.Distance<string>(x, y) <= allowed;
    }

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
