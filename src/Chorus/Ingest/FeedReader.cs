using System.Text;
using System.Xml;
using Chorus.Extraction;

namespace Chorus.Ingest;

/// <summary>One item of a feed, as read: what the feed says, before extraction.</summary>
public sealed record FeedItem(string? Title, string? Link, string? Guid, DateTimeOffset? Published, string? Author, string? BodyHtml)
{
    /// <summary>The feed's own title (the channel's or the Atom feed's), which names the outlet.</summary>
    public string? Site { get; init; }
}

/// <summary>
/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 feeds into items: title, link, GUID, dates (RFC 822 with odd
/// zones, ISO 8601), author and body (content:encoded, content, description or summary, HTML turned into text).
/// Element names are matched by local name, so namespace prefixes and their absence do not matter. No DTD is
/// processed and no external entity is resolved; HTML named entities that XML does not know are read as the
/// characters they stand for.
/// </summary>
public static class FeedReader
{
    /// <summary>Whether text opens like a feed: an rss, RDF or Atom feed root near the start.</summary>
    public static bool LooksLikeFeed(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048));
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase)
            || (head.Contains("<feed", StringComparison.OrdinalIgnoreCase) && head.Contains("atom", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The feed's items, or null with the reason when the XML cannot be read at all.</summary>
    public static List<FeedItem>? Parse(string xml, out string? problem)
    {
        problem = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
            MaxCharactersInDocument = 256L * 1024 * 1024,
        };

        var document = new XmlDocument { XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(WithoutControlCharacters(WithHtmlEntities(xml))), settings);
            document.Load(reader);
        }
        catch (XmlException e)
        {
            problem = $"not well-formed XML: {e.Message}";
            return null;
        }

        var root = document.DocumentElement;
        if (root is null)
        {
            problem = "no root element";
            return null;
        }

        var items = new List<FeedItem>();
        var atom = root.LocalName == "feed";
        var site = Text(Child(atom ? root : Child(root, "channel"), "title"));
        foreach (var node in Descendants(root).Where(e => e.LocalName == (atom ? "entry" : "item")))
        {
            items.Add((atom ? AtomEntry(node) : RssItem(node)) with { Site = site });
        }

        return items;
    }

    private static FeedItem RssItem(XmlElement item)
    {
        // RSS 2.0: a GUID that is a permalink stands for a missing link.
        var link = Children(item, "link").Select(l => Text(l) ?? (l.GetAttribute("href") is { Length: > 0 } href ? href : null)).LastOrDefault(l => l is not null);
        if (link is null && Child(item, "guid") is { } guid && guid.GetAttribute("isPermaLink") != "false" && Text(guid) is { } permalink && permalink.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            link = permalink;
        }

        var date = Date(Child(item, "pubDate")) ?? Date(Child(item, "date")) ?? Date(Child(item, "published")) ?? Date(Child(item, "updated"));
        var body = Text(Child(item, "encoded")) ?? Text(Child(item, "description")) ?? Text(Child(item, "summary")) ?? Text(Child(item, "content"));
        var author = Text(Child(item, "creator")) ?? Text(Child(item, "author"));
        return new FeedItem(Text(Child(item, "title")), Resolve(item, link?.Trim()), Text(Child(item, "guid")), date, author, body);
    }

    private static FeedItem AtomEntry(XmlElement entry)
    {
        var links = Children(entry, "link").ToList();
        var link = links.FirstOrDefault(l => l.GetAttribute("rel") is "" or "alternate" && l.GetAttribute("href").Length > 0)?.GetAttribute("href").Trim();
        var date = Date(Child(entry, "published")) ?? Date(Child(entry, "issued")) ?? Date(Child(entry, "updated")) ?? Date(Child(entry, "modified")) ?? Date(Child(entry, "created"));
        var body = Content(Child(entry, "content")) ?? Content(Child(entry, "summary"));
        var author = Text(Child(Child(entry, "author"), "name"));
        return new FeedItem(Content(Child(entry, "title")), Resolve(entry, link), Text(Child(entry, "id")), date, author, body);
    }

    /// <summary>Base64 that decodes to readable UTF-8 text, decoded; anything else (an unknown type's plain text) is not base64.</summary>
    private static string? DecodedBase64(string encoded)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(encoded));
            return text.All(c => !char.IsControl(c) || char.IsWhiteSpace(c)) ? text : null;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A relative link made absolute against the nearest xml:base above it.</summary>
    private static string? Resolve(XmlElement element, string? link)
    {
        if (link is null || Uri.TryCreate(link, UriKind.Absolute, out _))
        {
            return link;
        }

        for (XmlNode? node = element; node is XmlElement e; node = node.ParentNode)
        {
            if (e.GetAttribute("xml:base") is { Length: > 0 } declared && Uri.TryCreate(declared, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, link, out var absolute))
            {
                return absolute.ToString();
            }
        }

        return link;
    }

    /// <summary>An Atom text construct: escaped HTML as given, inline XHTML as its markup, base64 decoded.</summary>
    private static string? Content(XmlElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var mediaType = element.GetAttribute("type");
        var base64 = element.GetAttribute("mode") == "base64"
            || (mediaType.Contains('/', StringComparison.Ordinal) && !mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase));
        if (base64 && Text(element) is { } encoded && DecodedBase64(encoded) is { } decoded)
        {
            return decoded;
        }

        var type = element.GetAttribute("type");
        return type is "xhtml" or "application/xhtml+xml" || element.ChildNodes.OfType<XmlElement>().Any() ? element.InnerXml.Trim() : Text(element);
    }

    private static string? Text(XmlElement? element) => element is null ? null : element.InnerText.Trim() is { Length: > 0 } text ? text : null;

    private static DateTimeOffset? Date(XmlElement? element) =>
        Text(element) is { } text && (DateParser.TryParse(text, out var when) || TryRfc822(text, out when)) ? when : null;

    /// <summary>RFC 822 dates as feeds write them: "Sun, 06 Jul 2014 12:56:00 GMT", with odd zones ("EST", "Z", "+0200") and no weekday or seconds.</summary>
    internal static bool TryRfc822(string text, out DateTimeOffset when)
    {
        when = default;
        var parts = text.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 0 && parts[0].Length >= 3 && char.IsLetter(parts[0][0]) && DateParser.Month(parts[0]) == 0)
        {
            parts.RemoveAt(0); // the weekday
        }

        if (parts.Count < 4 || !int.TryParse(parts[0], out var day) || DateParser.Month(parts[1]) is not (> 0 and var month) || !int.TryParse(parts[2], out var year))
        {
            return false;
        }

        year = year < 100 ? (year < 50 ? 2000 + year : 1900 + year) : year;
        var time = parts[3].Split(':');
        if (time.Length < 2 || !int.TryParse(time[0], out var hour) || !int.TryParse(time[1], out var minute))
        {
            return false;
        }

        var second = time.Length > 2 && int.TryParse(time[2], out var s) ? s : 0;
        var offset = parts.Count > 4 ? Zone(parts[4]) : TimeSpan.Zero;
        try
        {
            when = new DateTimeOffset(year, month, day, hour, minute, second, offset ?? TimeSpan.Zero);
            return year is >= 1900 and <= 2100;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static TimeSpan? Zone(string zone)
    {
        if ((zone.StartsWith('+') || zone.StartsWith('-')) && zone.Replace(":", "", StringComparison.Ordinal) is { Length: 5 } digits && int.TryParse(digits.AsSpan(1, 2), out var h) && int.TryParse(digits.AsSpan(3, 2), out var m))
        {
            var span = new TimeSpan(h, m, 0);
            return zone[0] == '-' ? -span : span;
        }

        return zone.ToUpperInvariant() switch
        {
            "GMT" or "UT" or "UTC" or "Z" => TimeSpan.Zero,
            "EST" => TimeSpan.FromHours(-5), "EDT" => TimeSpan.FromHours(-4), "CST" => TimeSpan.FromHours(-6), "CDT" => TimeSpan.FromHours(-5),
            "MST" => TimeSpan.FromHours(-7), "MDT" => TimeSpan.FromHours(-6), "PST" => TimeSpan.FromHours(-8), "PDT" => TimeSpan.FromHours(-7),
            "CET" => TimeSpan.FromHours(1), "CEST" => TimeSpan.FromHours(2), "BST" => TimeSpan.FromHours(1),
            _ => null,
        };
    }

    private static XmlElement? Child(XmlElement? parent, string localName) => parent is null ? null : Children(parent, localName).FirstOrDefault();

    private static IEnumerable<XmlElement> Children(XmlElement parent, string localName) =>
        parent.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<XmlElement> Descendants(XmlElement root)
    {
        foreach (var child in root.ChildNodes.OfType<XmlElement>())
        {
            yield return child;
            foreach (var inner in Descendants(child))
            {
                yield return inner;
            }
        }
    }

    /// <summary>Control characters XML forbids (a stray backspace in a title) are dropped, not allowed to fail the feed.</summary>
    private static string WithoutControlCharacters(string xml) =>
        xml.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r')) ? string.Concat(xml.Where(c => c >= ' ' || c is '\t' or '\n' or '\r')) : xml;

    /// <summary>Whether the text after an ampersand is a reference: a name or a character number, then a semicolon.</summary>
    private static bool StartsReference(ReadOnlySpan<char> rest)
    {
        var length = 0;
        if (rest.Length > 0 && rest[0] == '#')
        {
            length = 1;
            var hex = rest.Length > 1 && rest[1] is 'x' or 'X';
            length += hex ? 1 : 0;
            var digits = 0;
            while (length < rest.Length && (hex ? char.IsAsciiHexDigit(rest[length]) : char.IsAsciiDigit(rest[length])))
            {
                length++;
                digits++;
            }

            return digits > 0 && length < rest.Length && rest[length] == ';';
        }

        while (length < rest.Length && length < 32 && char.IsAsciiLetterOrDigit(rest[length]))
        {
            length++;
        }

        return length > 0 && char.IsAsciiLetter(rest[0]) && length < rest.Length && rest[length] == ';';
    }

    /// <summary>HTML named entities that feeds use but XML does not define, as numeric references (the five XML ones stay).</summary>
    private static string WithHtmlEntities(string xml)
    {
        if (!xml.Contains('&'))
        {
            return xml;
        }

        var output = new StringBuilder(xml.Length);
        var i = 0;
        while (i < xml.Length)
        {
            var c = xml[i];
            if (c == '&' && !StartsReference(xml.AsSpan(i + 1)))
            {
                output.Append("&amp;"); // a bare ampersand ("AT&T", "a=1&b=2"): the text meant the character
                i++;
                continue;
            }

            if (c == '&')
            {
                var end = xml.IndexOf(';', i + 1, Math.Min(12, xml.Length - i - 1));
                if (end > i + 1)
                {
                    var name = xml[(i + 1)..end];
                    if (name is not ("amp" or "lt" or "gt" or "quot" or "apos") && name[0] != '#' && name.All(char.IsLetterOrDigit))
                    {
                        // An HTML entity becomes its character; any other (a DTD's own, never resolved) stays as text.
                        var decoded = System.Net.WebUtility.HtmlDecode($"&{name};");
                        output.Append(decoded.Length == 1 ? $"&#{(int)decoded[0]};" : $"&amp;{name};");
                        i = end + 1;
                        continue;
                    }
                }
            }

            output.Append(c);
            i++;
        }

        return output.ToString();
    }
}
