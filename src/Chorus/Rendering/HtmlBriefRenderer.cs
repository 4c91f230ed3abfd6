using System.Globalization;
using System.Net;
using System.Text;
using Chorus.Summary;

namespace Chorus.Rendering;

/// <summary>
/// Writes briefs as one self-contained HTML page. Every piece of article text is HTML-encoded: titles,
/// sentences, quotes, names, notes and URLs (which are also limited to http and https).
/// </summary>
public static class HtmlBriefRenderer
{
    private const string Style = """
        body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
        .meta{color:#666}.cite{font-size:.8rem;color:#0a58ca;text-decoration:none}.conflict{background:#fff6e5;border-left:4px solid #f0a500;padding:.4rem .8rem;margin:.6rem 0}
        blockquote{margin:.2rem 0 .4rem 1rem;color:#444;font-style:italic}table{border-collapse:collapse;width:100%;font-size:.9rem}
        td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top}th{background:#f4f4f4;text-align:left}
        """;

    /// <param name="brief">The brief.</param>
    /// <param name="home">Where a link back to the list of stories points, when the page is served; none when null.</param>
    public static string Render(Brief brief, string? home = null)
    {
        var html = new StringBuilder();
        OpenPage(html, brief.Stories.FirstOrDefault()?.Title ?? "Chorus brief");
        if (home is not null)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<nav class=\"meta\"><a href=\"{E(home)}\">All stories</a></nav>");
        }

        foreach (var story in brief.Stories)
        {
            RenderStory(story, html);
        }

        if (brief.Singles.Count > 0)
        {
            html.AppendLine("<h2>Single articles</h2><ul>");
            foreach (var single in brief.Singles)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<li>{Link(single.Url, single.Title ?? single.Id)} <span class=\"meta\">{E(single.Site ?? "")}</span></li>");
            }

            html.AppendLine("</ul>");
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void RenderStory(StoryBrief story, StringBuilder html)
    {
        var number = BriefPhrases.SourceNumbers(story);
        string Cite(IEnumerable<string> ids) =>
            string.Concat(BriefPhrases.Cited(number, ids).Select(n => $"<a class=\"cite\" href=\"#{E(story.Id)}-src-{n}\">[{n}]</a>"));

        html.AppendLine(CultureInfo.InvariantCulture, $"<article id=\"{E(story.Id)}\"><h1>{E(story.Title)}</h1>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"meta\">{BriefPhrases.Coverage(story)}</p>");
        html.AppendLine("<h2>What happened</h2><ul>");
        foreach (var sentence in story.Summary)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<li>{E(sentence.Text)} {Cite(sentence.Sources)}</li>");
        }

        html.AppendLine("</ul>");
        if (story.Facts.Count > 0)
        {
            html.AppendLine("<h2>What the sources agree on</h2><ul>");
            foreach (var fact in story.Facts)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<li>{E(fact.Statement)} {Cite(fact.Sources)}</li>");
            }

            html.AppendLine("</ul>");
        }

        if (story.Conflicts.Count > 0)
        {
            html.AppendLine("<h2>Where they disagree</h2>");
            foreach (var conflict in story.Conflicts)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<div class=\"conflict\"><strong>{E(conflict.Topic)}</strong><ul>");
                foreach (var value in conflict.Values)
                {
                    var version = value.VersionOf is { } of ? $" <span class=\"meta\">(a version of {Cite([of])} that changes this value)</span>" : "";
                    html.AppendLine(CultureInfo.InvariantCulture, $"<li><em>{E(value.Value)}</em> {Cite(value.Sources)}{version}");
                    foreach (var evidence in value.Evidence.Take(3))
                    {
                        html.AppendLine(CultureInfo.InvariantCulture, $"<blockquote>{E(evidence.Text)} {Cite([evidence.Source])}</blockquote>");
                    }

                    html.AppendLine("</li>");
                }

                html.AppendLine("</ul></div>");
            }
        }

        var people = story.Entities.Where(e => e.Kind == "person").ToList();
        if (people.Count > 0)
        {
            html.AppendLine("<h2>Who is involved</h2><ul>");
            foreach (var person in people)
            {
                var aliases = person.Aliases.Count > 0 ? $" <span class=\"meta\">(also written {E(string.Join(", ", person.Aliases))})</span>" : "";
                html.AppendLine(CultureInfo.InvariantCulture, $"<li><strong>{E(person.Name)}</strong>{aliases} {Cite(person.Sources)}</li>");
            }

            html.AppendLine("</ul>");
        }

        if (story.Quotes.Count > 0)
        {
            html.AppendLine("<h2>Who said what</h2><ul>");
            foreach (var quote in story.Quotes.Take(BriefPhrases.ShownQuotes))
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<li><strong>{E(quote.Speaker ?? "Unattributed")}</strong>: “{E(quote.Text)}” {Cite(quote.Sources)}</li>");
            }

            if (story.Quotes.Count > BriefPhrases.ShownQuotes)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<li class=\"meta\">… and {BriefPhrases.Count(story.Quotes.Count - BriefPhrases.ShownQuotes, "more quote")} (all in the JSON brief)</li>");
            }

            html.AppendLine("</ul>");
        }

        html.AppendLine("<h2>Sources</h2><table><tr><th>#</th><th>Outlet</th><th>Title</th><th>Published</th><th>Quality</th><th>Notes</th></tr>");
        foreach (var source in story.Sources)
        {
            var n = number[source.Id];
            var notes = string.Join("<br>", source.Notes.Select(E));
            html.AppendLine(CultureInfo.InvariantCulture, $"<tr id=\"{E(story.Id)}-src-{n}\"><td>{n}</td><td>{E(source.Site ?? "")}</td><td>{Link(source.Url, source.Title ?? source.Id)}</td><td>{E(source.Published ?? "")}</td><td>{source.Quality:0.00}</td><td>{notes}</td></tr>");
        }

        html.AppendLine("</table></article>");
    }

    /// <summary>The page's head: the encoding, a policy that allows no script and no remote content, the title and the style.</summary>
    internal static void OpenPage(StringBuilder html, string title)
    {
        html.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        html.AppendLine(CultureInfo.InvariantCulture, $"<title>{E(title)}</title><style>{Style}</style></head><body>");
    }

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Link(string? url, string text) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"<a href=\"{E(uri.AbsoluteUri)}\" rel=\"noopener noreferrer nofollow\">{E(text)}</a>"
            : E(text);
}
