using System.Globalization;
using Chorus.Summary;

namespace Chorus.Rendering;

/// <summary>Wording that the Markdown and HTML briefs share.</summary>
internal static class BriefPhrases
{
    /// <summary>How many quotes a human-readable brief lists; the JSON brief keeps them all.</summary>
    public const int ShownQuotes = 25;

    /// <summary>"12 articles from 9 outlets", "1 article from 1 outlet", or "10 articles" when no outlet is known.</summary>
    public static string Coverage(StoryBrief story)
    {
        var articles = Count(story.Articles.Count, "article");
        var outlets = story.Sources.Select(s => s.Site).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        return outlets == 0 ? articles : $"{articles} from {Count(outlets, "outlet")}";
    }

    /// <summary>Each source's citation number: its place in the story's source list, from 1.</summary>
    public static Dictionary<string, int> SourceNumbers(StoryBrief story) =>
        story.Sources.Select((s, i) => (s.Id, Number: i + 1)).ToDictionary(x => x.Id, x => x.Number, StringComparer.Ordinal);

    /// <summary>The numbers of the cited sources in the order of the source list, each once.</summary>
    public static IEnumerable<int> Cited(IReadOnlyDictionary<string, int> numbers, IEnumerable<string> ids) =>
        ids.Select(id => numbers.GetValueOrDefault(id)).Distinct().Order();

    /// <summary>"1 quote", "3 quotes".</summary>
    public static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
