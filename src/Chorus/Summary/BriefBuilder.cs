using System.Globalization;
using Chorus.Facts;

namespace Chorus.Summary;

/// <summary>Options of the brief: the summary's word cap.</summary>
public sealed record BriefOptions(int MaxWords = 120);

/// <summary>Turns a story's analysis into its brief: summary, facts, conflicts, entities, quotes and sources.</summary>
public static class BriefBuilder
{
    public static StoryBrief Build(StoryAnalysis analysis, BriefOptions options)
    {
        var story = analysis.Story;
        var articles = story.Articles;
        var copyOf = analysis.Copies.ToDictionary(c => c.ArticleId, c => c.SourceId, StringComparer.Ordinal);
        var titleSource = StoryTitle.Source(articles, copyOf.Keys.ToHashSet(StringComparer.Ordinal), analysis.QualityOf) ?? articles[0];
        var summary = BriefSummarizer.Summarize(analysis, options.MaxWords);

        // With no headline anywhere, the story is named by the opening of its first summary sentence, which says
        // what happened, rather than by whatever one article begins with.
        return new StoryBrief(
            story.Id,
            titleSource.Article.Title ?? FirstWords(summary.Count > 0 ? summary[0].Text : titleSource.Text),
            articles.Select(a => a.Id).ToList(),
            summary,
            analysis.Agreements.OrderByDescending(a => a.Origins).Select(a => new FactLine(a.Statement, a.Sources)).ToList(),
            analysis.Conflicts.Select(c => new ConflictLine(
                c.Topic,
                c.Values.Select(v => new ConflictValueLine(v.Value, v.Sources, v.Evidence.Select(e => new EvidenceLine(e.Source, e.Text, e.Span.Start, e.Span.End)).ToList(), v.VersionOf)).ToList(),
                c.Confidence,
                Strength(c))).ToList(),
            analysis.Entities.Select(e => new EntityLine(e.Name, KindName(e.Kind), e.Aliases, e.Sources)).ToList(),
            Quotes(analysis),
            articles.Select(a => new SourceLine(
                a.Id,
                a.Article.Title,
                a.Article.Site,
                a.Article.Url,
                Iso(a.Article.Published),
                a.Article.WordCount,
                copyOf.GetValueOrDefault(a.Id),
                analysis.QualityOf(a.Id),
                analysis.Sources.FirstOrDefault(s => s.ArticleId == a.Id)?.Notes ?? [])).ToList());
    }

    /// <summary>
    /// The quotes worth a reader's time: those with a speaker, then those several sources carry, then whole
    /// unattributed statements. A few words in quotation marks with no speaker (“quiet confidence on the quay”) are
    /// the writer's emphasis, not a quote, and are left out.
    /// </summary>
    private static List<QuoteLine> Quotes(StoryAnalysis analysis) => analysis.Quotes
        .Where(q => q.Speaker is not null || q.Sources.Count > 1 || Text.Tokenizer.CountWords(q.Text) >= MinUnattributedWords || IsWholeStatement(q.Text))
        .Select((q, order) => (Quote: q, Order: order))
        .OrderBy(x => x.Quote.Speaker is null)
        .ThenByDescending(x => x.Quote.Sources.Count)
        .ThenBy(x => x.Order)
        .Select(x => new QuoteLine(x.Quote.Speaker, x.Quote.Text, x.Quote.Sources))
        .ToList();

    /// <summary>
    /// How strongly a conflict stands, 0-1: it grows with the independent origins behind its weaker side (one origin
    /// each gives 0.5, two on the weaker side 0.67), since one outlet alone may simply have erred.
    /// </summary>
    private static double Strength(Facts.Conflict conflict)
    {
        var weaker = conflict.Values.Select(v => v.Origins).OrderDescending().Skip(1).FirstOrDefault();
        return Math.Round(1 - (1.0 / (1 + Math.Max(1, weaker))), 3);
    }

    /// <summary>Fewest words an unattributed quote carried by one source needs to be listed, unless it is a whole statement.</summary>
    public const int MinUnattributedWords = 12;

    /// <summary>
    /// A whole statement someone made, not a phrase set off in quotation marks: four words or more, opening with a
    /// capital and ending a sentence ("They are a very close family.").
    /// </summary>
    private static bool IsWholeStatement(string quoted) =>
        Text.Tokenizer.CountWords(quoted) >= 4 && char.IsUpper(quoted[0]) && quoted.TrimEnd('"', '”', '\'', '’')[^1] is '.' or '!' or '?';

    public static string? Iso(DateTimeOffset? when) => when?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string KindName(Text.EntityKind kind) => kind switch
    {
        Text.EntityKind.Person => "person",
        Text.EntityKind.Organization => "organization",
        Text.EntityKind.Place => "place",
        Text.EntityKind.Event => "event",
        _ => "other",
    };

    private static string FirstWords(string text)
    {
        var words = text.Split((char[])[' ', '\n'], 13, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(12)) + (words.Length > 12 ? "…" : "");
    }
}
