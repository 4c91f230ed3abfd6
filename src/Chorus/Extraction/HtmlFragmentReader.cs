using System.Text;
using System.Text.RegularExpressions;
using Chorus.Extraction.Html;

namespace Chorus.Extraction;

/// <summary>
/// Reads a text field that carries HTML (an export's body wrapped in &lt;p&gt;, a paragraph with &lt;b&gt; or
/// &amp;amp; in it) as plain text: tags stripped, character references decoded, block tags made paragraph breaks
/// and &lt;br&gt; a line break. The field's own line breaks stay, so text that mixes both keeps its paragraphs.
/// Text without HTML (AT&amp;T, x &lt; y) is not markup and is left alone.
/// </summary>
internal static partial class HtmlFragmentReader
{
    private static readonly HashSet<string> s_blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "thead", "tbody", "tfoot", "caption",
        "figure", "figcaption", "address", "hr", "center", "details", "summary", "body", "html",
    };

    /// <summary>The elements whose tags make a text field HTML: those that carry an article's text and its emphasis.</summary>
    private static readonly HashSet<string> s_vocabulary = new(
        ("a abbr address article aside b big blockquote body br caption center cite code dd del details div dl dt em figcaption figure font footer " +
        "h1 h2 h3 h4 h5 h6 head header hr html i img ins kbd li main mark nav ol p pre q s script section small span strike strong style sub " +
        "summary sup table tbody td tfoot th thead time tr tt u ul wbr").Split(' '),
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> s_unread = new(StringComparer.Ordinal) { "script", "style", "template", "head", "title" };

    /// <summary>Whether the text holds an HTML tag (of the HTML vocabulary) or a character reference.</summary>
    public static bool HoldsMarkup(string text)
    {
        if (text.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return false;
        }

        foreach (Match tag in Tag().Matches(text))
        {
            if (s_vocabulary.Contains(tag.Groups["name"].Value))
            {
                return true;
            }
        }

        foreach (Match reference in Reference().Matches(text))
        {
            // A name that is no entity (the "&T;" of "AT&T;") decodes to itself.
            if (reference.Value[1] == '#' || System.Net.WebUtility.HtmlDecode(reference.Value) != reference.Value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with its markup read, when it holds any; otherwise the text unchanged.</summary>
    public static string PlainText(string text) => HoldsMarkup(text) ? Read(text) : text;

    /// <summary>A one-line field (a title) with its markup read.</summary>
    public static string? PlainLine(string? text) =>
        text is null || !HoldsMarkup(text) ? text : Spaces().Replace(Read(text).Replace('\n', ' '), " ").Trim();

    private static string Read(string html)
    {
        using var tree = HtmlTreeBuilder.Parse(html.Replace("\r\n", "\n", StringComparison.Ordinal));
        var output = new StringBuilder(html.Length);
        Walk(tree, 0, output);
        return Tidy(output.ToString());
    }

    private static void Walk(HtmlTree tree, int node, StringBuilder output)
    {
        for (var child = tree.FirstChild(node); child >= 0; child = tree.NextSibling(child))
        {
            var tag = tree.Tag(child);
            if (tag is null)
            {
                output.Append(tree.Text(child).Replace('\u00A0', ' '));
                continue;
            }

            if (s_unread.Contains(tag))
            {
                continue;
            }

            if (tag is "br")
            {
                output.Append('\n');
                continue;
            }

            var block = s_blocks.Contains(tag);
            if (block)
            {
                output.Append("\n\n");
            }
            else if (tag is "td" or "th")
            {
                output.Append(' ');
            }

            Walk(tree, child, output);
            if (block)
            {
                output.Append("\n\n");
            }
        }
    }

    /// <summary>Lines trimmed, runs of spaces made one, and no more than one blank line in a row.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        var result = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }

            result.Append(line);
            blank = 0;
        }

        return result.ToString();
    }

    // An opening tag (with name="value" attributes) or a closing one, its name in lower or upper case.
    [GeneratedRegex(@"<(?:/\s*(?<name>[a-z][a-z0-9]*|[A-Z][A-Z0-9]*)\s*|(?<name>[a-z][a-z0-9]*|[A-Z][A-Z0-9]*)(?:\s+[A-Za-z_:][\w:.\-]*\s*=\s*(?:""[^""]*""|'[^']*'|[^\s""'<>]+))*\s*/?)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex Reference();

    [GeneratedRegex(@"[ \t\f\v]+")]
    private static partial Regex Spaces();
}
