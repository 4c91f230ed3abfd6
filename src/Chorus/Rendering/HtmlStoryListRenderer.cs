using System.Globalization;
using System.Text;
using Chorus.Storage;

namespace Chorus.Rendering;

/// <summary>
/// Writes the list of stored stories as one HTML page, largest first, each linking to its brief. Titles come from
/// articles and are HTML-encoded like every other piece of article text.
/// </summary>
public static class HtmlStoryListRenderer
{
    /// <param name="stories">The stories, in the order to show.</param>
    /// <param name="storeName">What the page calls the store (its file name).</param>
    /// <param name="storyLink">The address of a story's brief page, from its id.</param>
    public static string Render(IReadOnlyList<StoryRow> stories, string storeName, Func<string, string> storyLink)
    {
        var html = new StringBuilder();
        HtmlBriefRenderer.OpenPage(html, $"Chorus: {storeName}");
        html.AppendLine(CultureInfo.InvariantCulture, $"<h1>Stories</h1><p class=\"meta\">{Count(stories.Count, "story", "stories")} in {E(storeName)}, largest first. The same data as JSON: <a href=\"api/stories\">api/stories</a>.</p>");
        if (stories.Count == 0)
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
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static string Day(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static string E(string text) => HtmlBriefRenderer.E(text);
}
