using System.Globalization;
using System.Text;
using Chorus.Storage;

namespace Chorus.Rendering;

/// <summary>
/// A stored story as the JSON story lists write it (<c>chorus stories --format jsonl</c>, <c>GET /api/stories</c>):
/// publication times in ISO 8601, or null when no article has one.
/// </summary>
public sealed record StoryLine(string Id, int Articles, int Sites, string? Title, string? First, string? Last)
{
    public static StoryLine Of(StoryRow story) =>
        new(story.Id, story.Articles, story.Sites, story.Title, Summary.BriefBuilder.Iso(story.First), Summary.BriefBuilder.Iso(story.Last));
}

/// <summary>Which stories a list shows: up to <paramref name="Limit"/> of <paramref name="Total"/>, from <paramref name="Offset"/>.</summary>
public readonly record struct StoryPage(int Total, int Offset, int Limit);

/// <summary>
/// Writes the list of stored stories as one HTML page, largest first, each linking to its brief. Titles come from
/// articles and are HTML-encoded like every other piece of article text.
/// </summary>
public static class HtmlStoryListRenderer
{
    /// <param name="stories">The stories to show, in order.</param>
    /// <param name="page">Where they stand among all the stories.</param>
    /// <param name="storeName">What the page calls the store (its file name).</param>
    /// <param name="storyLink">The address of a story's brief page, from its id.</param>
    public static string Render(IReadOnlyList<StoryRow> stories, StoryPage page, string storeName, Func<string, string> storyLink)
    {
        var html = new StringBuilder();
        HtmlBriefRenderer.OpenPage(html, $"Chorus: {storeName}");
        var shown = stories.Count < page.Total ? $"{page.Offset + 1}-{page.Offset + stories.Count} of " : "";
        html.AppendLine(CultureInfo.InvariantCulture, $"<h1>Stories</h1><p class=\"meta\">{shown}{Count(page.Total, "story", "stories")} in {E(storeName)}, largest first. The same data as JSON: <a href=\"api/stories\">api/stories</a>.</p>");
        if (page.Total == 0)
        {
            html.AppendLine("<p>No stories yet. Add articles with <code>chorus ingest --db STORE PATH...</code>, or POST them to <code>api/articles</code>.</p>");
        }
        else
        {
            html.AppendLine("<table><tr><th>Story</th><th>Articles</th><th>Outlets</th><th>First seen</th><th>Last seen</th></tr>");
            foreach (var story in stories)
            {
                var title = string.IsNullOrWhiteSpace(story.Title) ? story.Id : story.Title;
                html.AppendLine(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{E(storyLink(story.Id))}\">{E(title)}</a></td><td>{story.Articles}</td><td>{story.Sites}</td><td>{Day(story.First)}</td><td>{Day(story.Last)}</td></tr>");
            }

            html.AppendLine("</table>");
            var previous = page.Offset > 0 ? $"<a href=\"?offset={Math.Max(0, page.Offset - page.Limit)}&amp;limit={page.Limit}\">Larger stories</a> " : "";
            var next = page.Offset + stories.Count < page.Total ? $"<a href=\"?offset={page.Offset + stories.Count}&amp;limit={page.Limit}\">Smaller stories</a>" : "";
            if (previous.Length + next.Length > 0)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<nav class=\"meta\">{previous}{next}</nav>");
            }
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static string Day(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static string E(string text) => HtmlBriefRenderer.E(text);
}
