using System.Globalization;
using System.Text;
using Chorus.Summary;

namespace Chorus.Rendering;

/// <summary>
/// Writes briefs as Markdown for the terminal and for notes: summary with citation markers, facts,
/// conflicts with each side's words, people and quotes, and a source table with trust notes.
/// </summary>
public static class MarkdownBriefRenderer
{
    public static string Render(Brief brief)
    {
        var md = new StringBuilder();
        foreach (var story in brief.Stories)
        {
            RenderStory(story, md);
        }

        if (brief.Singles.Count > 0)
        {
            md.AppendLine("## Single articles").AppendLine();
            foreach (var single in brief.Singles)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{Escape(single.Title ?? single.Id)}** ({Escape(single.Site ?? "unknown site")}{(single.Published is null ? "" : ", " + single.Published[..10])}) `{single.Id}`");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    public static void RenderStory(StoryBrief story, StringBuilder md)
    {
        var number = BriefPhrases.SourceNumbers(story);
        string Cite(IEnumerable<string> ids) => string.Concat(BriefPhrases.Cited(number, ids).Select(n => $"[{n}]"));

        md.AppendLine(CultureInfo.InvariantCulture, $"# {Escape(story.Title)}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Story `{story.Id}`: {BriefPhrases.Coverage(story)}.").AppendLine();
        md.AppendLine("## What happened").AppendLine();
        foreach (var sentence in story.Summary)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(sentence.Text)} {Cite(sentence.Sources)}");
        }

        md.AppendLine();
        if (story.Facts.Count > 0)
        {
            md.AppendLine("## What the sources agree on").AppendLine();
            foreach (var fact in story.Facts)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(fact.Statement)} {Cite(fact.Sources)}");
            }

            md.AppendLine();
        }

        if (story.Conflicts.Count > 0)
        {
            md.AppendLine("## Where they disagree").AppendLine();
            foreach (var conflict in story.Conflicts)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"**{Escape(conflict.Topic)}**").AppendLine();
                foreach (var value in conflict.Values)
                {
                    var version = value.VersionOf is { } of ? $" (a version of [{number.GetValueOrDefault(of)}] that changes this value)" : "";
                    md.AppendLine(CultureInfo.InvariantCulture, $"- *{Escape(value.Value)}* {Cite(value.Sources)}{version}");
                    foreach (var evidence in value.Evidence.Take(2))
                    {
                        md.AppendLine(CultureInfo.InvariantCulture, $"  > {Escape(evidence.Text)} [{number.GetValueOrDefault(evidence.Source)}]");
                    }
                }

                md.AppendLine();
            }
        }

        var people = story.Entities.Where(e => e.Sources.Count >= 1 && e.Kind is "person").ToList();
        if (people.Count > 0)
        {
            md.AppendLine("## Who is involved").AppendLine();
            foreach (var person in people)
            {
                var aliases = person.Aliases.Count > 0 ? $" (also written {string.Join(", ", person.Aliases.Select(Escape))})" : "";
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{Escape(person.Name)}**{aliases} {Cite(person.Sources)}");
            }

            md.AppendLine();
        }

        if (story.Quotes.Count > 0)
        {
            md.AppendLine("## Who said what").AppendLine();
            foreach (var quote in story.Quotes.Take(BriefPhrases.ShownQuotes))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(quote.Speaker ?? "Unattributed")}: “{Escape(quote.Text)}” {Cite(quote.Sources)}");
            }

            if (story.Quotes.Count > BriefPhrases.ShownQuotes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- … and {BriefPhrases.Count(story.Quotes.Count - BriefPhrases.ShownQuotes, "more quote")} (all in `--format json`)");
            }

            md.AppendLine();
        }

        md.AppendLine("## Sources").AppendLine();
        md.AppendLine("| # | Outlet | Title | Quality | Notes |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var source in story.Sources)
        {
            var notes = source.Notes.Count == 0 ? "" : string.Join("; ", source.Notes.Select(Escape));
            md.AppendLine(CultureInfo.InvariantCulture, $"| {number[source.Id]} | {Cell(source.Site ?? "?")} | {Cell(source.Title ?? source.Id)} | {source.Quality:0.00} | {Cell(notes)} |");
        }

        md.AppendLine();
    }

    /// <summary>Article text is untrusted: Markdown control characters are escaped so it cannot inject links or markup.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // A quote over several paragraphs stays on its one line.
            if (c is '\n' or '\r')
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                continue;
            }

            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Cell(string text) => Escape(text);
}
