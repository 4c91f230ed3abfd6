using System.Text.RegularExpressions;

namespace Chorus.Extraction;

/// <summary>
/// Extracts an article from plain text: optional "Key: value" header lines, a site-name line,
/// the title, a byline and a date line, then the body with chrome removed.
/// </summary>
internal static partial class TextArticleExtractor
{
    public static Article Extract(string id, string source, string content, string? url)
    {
        // Text that carries HTML tags or character references is read as an HTML fragment, its line breaks kept.
        var blocks = Blocks(HtmlFragmentReader.PlainText(content));
        string? title = null, site = null, author = null, language = null;
        DateTimeOffset? published = null;

        var index = 0;
        while (index < blocks.Count && HeaderField().Match(blocks[index]) is { Success: true } header)
        {
            var value = header.Groups[2].Value.Trim();
            switch (header.Groups[1].Value.ToLowerInvariant())
            {
                case "title": title = value; break;
                case "site" or "source" or "outlet": site = value; break;
                case "url" or "link": url ??= value; break;
                case "author" or "by": author = value; break;
                case "language" or "lang": language = value; break;
                default: published = DateParser.TryParse(value, out var when) ? when : published; break;
            }

            index++;
        }

        var body = new List<string>();
        for (; index < blocks.Count; index++)
        {
            var block = blocks[index];
            if (author is null && Byline().Match(block) is { Success: true } byline)
            {
                author = byline.Groups[1].Value.Trim();
                continue;
            }

            if (published is null && DateLine().Match(block) is { Success: true } dateLine && DateParser.TryParse(dateLine.Groups[1].Value, out var date))
            {
                published = date;
                continue;
            }

            body.Add(block);
        }

        if (title is null)
        {
            var candidates = body.Select((b, i) => (b, i)).Where(x => !ChromeLineClassifier.IsChrome(x.b)).Take(2).ToList();
            if (candidates.Count == 2 && IsHeadline(candidates[0].b) && IsHeadline(candidates[1].b) && Chorus.Text.Tokenizer.CountWords(candidates[0].b) <= 5 && site is null)
            {
                site = candidates[0].b;
                title = candidates[1].b;
            }
            else if (candidates.Count > 0 && IsHeadline(candidates[0].b))
            {
                title = candidates[0].b;
            }
        }

        var (kept, removed) = ParagraphCleaner.Clean(body, title, site);
        site = site is not null && site.Any(char.IsLetter) && !site.Any(char.IsLower)
            ? System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(site.ToLowerInvariant())
            : site;
        var text = string.Join("\n\n", kept);
        return new Article(id, source, url, title, site, author, published, language ?? LanguageGuesser.Guess(text), text) { ChromeRemoved = removed };
    }

    private static bool IsHeadline(string block)
    {
        var words = Chorus.Text.Tokenizer.CountWords(block);
        return words is > 0 and <= 25 && !block.TrimEnd().EndsWith('.');
    }

    /// <summary>Lines joined into blocks; a wrapped line (no sentence end, next starts lower-case) continues its block.</summary>
    private static List<string> Blocks(string content)
    {
        var blocks = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim().Replace('\t', ' ');
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            var continues = current.Length > 0 && char.IsLower(line[0]) && current[^1] is not ('.' or '!' or '?' or ':' or '"' or '”');
            if (!continues)
            {
                Flush();
            }
            else
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (current.Length > 0)
            {
                blocks.Add(current.ToString());
                current.Clear();
            }
        }
    }

    [GeneratedRegex(@"^(Title|Site|Source|Outlet|URL|Link|Author|By|Language|Lang|Published|Date|Updated)\s*:\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderField();

    [GeneratedRegex(@"^By\s+((?:[A-Z][\p{L}.'\-]*\s?){1,4}(?:(?:and|&)\s+(?:[A-Z][\p{L}.'\-]*\s?){1,4})?)(?:[,|\-–—].{0,60})?$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(?:(?:Published|Posted|Updated|Last updated|Date)\s*:?\s*)?(.{6,60})$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();
}
