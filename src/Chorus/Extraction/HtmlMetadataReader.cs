using System.Text.Json;
using System.Text.RegularExpressions;
using Chorus.Extraction.Html;

namespace Chorus.Extraction;

/// <summary>Metadata of one page.</summary>
internal sealed record PageMetadata(string? Title, string? Site, string? Author, DateTimeOffset? Published, string? Language, string? Url)
{
    /// <summary>The article text a page declares in JSON-LD (schema.org articleBody), if any.</summary>
    public string? ArticleBody { get; init; }

    /// <summary>schema.org isAccessibleForFree, when the page states it.</summary>
    public bool? AccessibleForFree { get; init; }

    /// <summary>schema.org wordCount, when the page states it.</summary>
    public int? WordCount { get; init; }
}

/// <summary>
/// Reads a page's metadata. Sources are ranked: JSON-LD and meta tags first, then <c>&lt;time&gt;</c>,
/// then the URL; never script text. Dates after the fetch time are refused; authors must look like people.
/// </summary>
internal static partial class HtmlMetadataReader
{
    private static readonly string[] s_publishedMeta =
    [
        "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "publication_date",
        "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "date", "og:updated_time", "article:modified_time",
    ];

    private static readonly HashSet<string> s_bylineClasses = HtmlClasses.Words("byline author author-name");

    private static readonly HashSet<string> s_notNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ago", "minutes", "minute", "hours", "hour", "updated", "staff", "admin", "editor", "editors", "news", "team", "desk", "newsroom",
        "reporter", "correspondent", "published", "posted", "by", "and", "the", "online", "media", "press", "agency", "wire", "service",
    };

    /// <summary>Single words that sign for a site's staff, a role or a news agency, not a person.</summary>
    private static readonly HashSet<string> s_notPseudonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        "administrator", "redaktion", "redaction", "rédaction", "redazione", "redacción", "redaccion", "redactie", "gast", "guest",
        "anonymous", "anonym", "anonimo", "user", "webmaster", "autor", "author", "auteur", "autore", "moderator", "support",
        "unknown", "none", "null", "nobody", "agencies", "agency", "agenturen", "agences", "reuters", "dpa", "afp", "apa", "ansa", "efe",
        "epd", "kna", "sda", "ians", "xinhua", "tass", "bloomberg",
    };

    /// <summary>Whether an element is inside an SVG or MathML drawing, whose title is a tooltip, not the page's.</summary>
    private static bool InDrawing(HtmlTree tree, int node)
    {
        for (var up = tree.Parent(node); up > 0; up = tree.Parent(up))
        {
            if (tree.Tag(up) is "svg" or "math")
            {
                return true;
            }
        }

        return false;
    }

    public static PageMetadata Read(HtmlTree tree, string? url, DateTimeOffset? fetchedAt)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? rawTitle = null, canonical = null, heading = null, language = null;
        string? relAuthor = null, itempropAuthor = null, bylineAuthor = null;
        var times = new List<string?>();
        var scripts = new List<string>();
        var inArticle = -1;
        var headingNode = -1;
        var headings = 0;
        for (var node = 1; node < tree.Count; node++)
        {
            switch (tree.Tag(node))
            {
                case null:
                    continue;
                case "html":
                    language ??= tree.Attribute(node, "lang");
                    break;
                case "meta":
                    var key = tree.Attribute(node, "property") ?? tree.Attribute(node, "name") ?? tree.Attribute(node, "itemprop") ?? tree.Attribute(node, "http-equiv");
                    var content = tree.Attribute(node, "content");
                    if (key is not null && !string.IsNullOrWhiteSpace(content))
                    {
                        meta.TryAdd(key.Trim(), content.Trim());
                    }

                    break;
                case "title" when rawTitle is null && !InDrawing(tree, node):
                    rawTitle = tree.TextContent(node).Trim() is { Length: > 0 } titleText ? titleText : null;
                    break;
                case "link":
                    if (canonical is null && string.Equals(tree.Attribute(node, "rel"), "canonical", StringComparison.OrdinalIgnoreCase))
                    {
                        canonical = tree.Attribute(node, "href");
                    }

                    break;
                case "script":
                    if (string.Equals(tree.Attribute(node, "type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                    {
                        scripts.Add(tree.TextContent(node));
                    }

                    break;
                case "article":
                    if (inArticle < 0)
                    {
                        inArticle = node;
                    }

                    break;
                case "h1":
                    headings++;
                    // The first h1, unless a later one sits in the page's article and the first does not.
                    if (heading is null || (inArticle >= 0 && tree.IsAncestorOf(inArticle, node) && !tree.IsAncestorOf(inArticle, headingNode)))
                    {
                        heading = tree.TextContent(node).Trim();
                        headingNode = node;
                    }

                    break;
                case "time":
                    if (tree.HasAttribute(node, "datetime") || tree.HasAttribute(node, "pubdate"))
                    {
                        times.Add(tree.Attribute(node, "datetime") ?? tree.TextContent(node));
                    }

                    break;
            }

            if (!tree.RawAttribute(node, "itemprop").IsEmpty && tree.Attribute(node, "itemprop") is { } itemprop)
            {
                if (itemprop.Equals("datePublished", StringComparison.OrdinalIgnoreCase))
                {
                    times.Insert(0, tree.Attribute(node, "datetime") ?? tree.Attribute(node, "content") ?? tree.TextContent(node));
                }
                else if (itemprop.Equals("author", StringComparison.OrdinalIgnoreCase))
                {
                    itempropAuthor ??= tree.TextContent(node);
                }
            }

            if (relAuthor is null && tree.RawAttribute(node, "rel").Equals("author", StringComparison.OrdinalIgnoreCase))
            {
                relAuthor = tree.TextContent(node);
            }

            if (bylineAuthor is null && HtmlClasses.HasClass(tree, node, s_bylineClasses))
            {
                bylineAuthor = tree.TextContent(node);
            }
        }

        var ld = JsonLd.Read(scripts);
        var pageUrl = Absolute(canonical ?? meta.GetValueOrDefault("og:url"), url) ?? url;

        // A Twitter handle ("@politifact") in og:site_name is not the site's name.
        var site = WithoutTagline(First(NotHandle(meta.GetValueOrDefault("og:site_name")), NotHandle(ld.Publisher), NotHandle(meta.GetValueOrDefault("application-name"))));
        site ??= SiteFromTitle(rawTitle) ?? HostOf(pageUrl);

        // The headline the reader sees, when the page has one h1, comes before the titles written for sharing and
        // search, which often carry a rubric, a teaser or keywords of their own.
        var shown = headings == 1 ? heading : null;
        shown = shown is { Length: >= 10 } && shown.Contains(' ') && !string.Equals(shown, site, StringComparison.OrdinalIgnoreCase) ? WhiteSpace().Replace(shown, " ") : null;
        var title = StripSite(First(shown, meta.GetValueOrDefault("og:title"), ld.Headline, heading, meta.GetValueOrDefault("twitter:title"), rawTitle), site);

        // Plugins name the author in meta tags of their own ("shareaholic:article_author_name", "parsely-author").
        var pluginAuthor = meta.FirstOrDefault(m => AuthorMetaKey().IsMatch(m.Key)).Value;
        var author = new[] { ld.Author, meta.GetValueOrDefault("author"), meta.GetValueOrDefault("article:author"), meta.GetValueOrDefault("byl"), relAuthor, itempropAuthor, bylineAuthor, pluginAuthor }
            .Select(a => CleanAuthor(a, site))
            .FirstOrDefault(a => a is not null) ?? CleanAuthor(LabelledAuthor(tree), site);

        // A blogger who signs with one name ("Steffi", "lupa") is read only where the markup declares an author.
        author ??= new[] { ld.Author, relAuthor, itempropAuthor, bylineAuthor }
            .Select(a => CleanAuthor(a, site, oneWord: true))
            .FirstOrDefault(a => a is not null);

        var published = PublishedDate(meta, ld, times, pageUrl, fetchedAt) ?? DatelineUnder(tree, headingNode, fetchedAt);
        language = First(language, meta.GetValueOrDefault("content-language"), meta.GetValueOrDefault("og:locale"));
        language = language is null ? null : language.Split('-', '_')[0].ToLowerInvariant();

        return new PageMetadata(title, site, author, published, language, pageUrl)
        {
            ArticleBody = ld.ArticleBody,
            AccessibleForFree = ld.AccessibleForFree,
            WordCount = ld.WordCount,
        };
    }

    private static DateTimeOffset? PublishedDate(Dictionary<string, string> meta, JsonLd ld, List<string?> times, string? url, DateTimeOffset? fetchedAt)
    {
        IEnumerable<string?> Candidates()
        {
            yield return ld.DatePublished;
            foreach (var key in s_publishedMeta)
            {
                yield return meta.GetValueOrDefault(key);
            }

            foreach (var time in times)
            {
                yield return time;
            }

            if (url is not null && UrlDate().Match(url) is { Success: true } m)
            {
                var month = int.TryParse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : DateParser.Month(m.Groups[2].Value);
                yield return $"{m.Groups[1].Value}-{month:00}-{m.Groups[3].Value}";
            }
        }

        foreach (var candidate in Candidates())
        {
            if (DateParser.TryParse(candidate, out var date) && (fetchedAt is null || date <= fetchedAt.Value.AddMinutes(5)))
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// For a page that declares no date: the first date written in the text just below its headline (the dateline), read
    /// only after the h1, so the header's date bar (the day of the crawl) never stands for the article's date.
    /// </summary>
    private static DateTimeOffset? DatelineUnder(HtmlTree tree, int headline, DateTimeOffset? fetchedAt)
    {
        const int Reach = 600; // characters of text read below the headline
        var read = 0;
        for (var node = headline + 1; node > 0 && node < tree.Count && read < Reach; node++)
        {
            if (!tree.IsText(node) || tree.Tag(tree.Parent(node)) is "script" or "style" or "noscript" or "template")
            {
                continue;
            }

            var text = tree.Text(node).Trim();
            read += text.Length;
            if (text.Length > 0 && DateParser.TryFindInText(text, out var date) && (fetchedAt is null || date <= fetchedAt.Value.AddDays(1)))
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// The name written after an author label ("Autor:", "Author:", "Auteur :"), in the label's own text or in the text
    /// that follows it (a label set in its own element).
    /// </summary>
    private static string? LabelledAuthor(HtmlTree tree)
    {
        var labelled = false;
        for (var node = 1; node < tree.Count; node++)
        {
            if (!tree.IsText(node) || tree.Tag(tree.Parent(node)) is "script" or "style" or "title")
            {
                continue;
            }

            var text = tree.RawText(node).Trim();
            if (text.IsEmpty)
            {
                continue;
            }

            if (labelled)
            {
                return tree.Text(node);
            }

            if (text.StartsWith("aut", StringComparison.OrdinalIgnoreCase) && AuthorLabel().Match(tree.Text(node).Trim()) is { Success: true } label)
            {
                if (label.Groups["name"].Length > 0)
                {
                    return label.Groups["name"].Value;
                }

                labelled = true;
            }
        }

        return null;
    }

    /// <summary>A person's name, or null for values such as "5 Minutes Ago", a URL or the site's own name.</summary>
    /// <param name="value">The text that names the author.</param>
    /// <param name="site">The site's name, which is no author.</param>
    /// <param name="oneWord">Accept one word of three letters or more (a pseudonym), where the markup declares an author.</param>
    internal static string? CleanAuthor(string? value, string? site, bool oneWord = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = WhiteSpace().Replace(value, " ").Trim().TrimStart('|', '—', '–', '-', '·', ' ');
        text = ByPrefix().Replace(text, "");
        text = text.Split([',', '|', '—', '–', '(', '/', '\n'], 2)[0].Trim(); // "Peter Maahn/SP-X": the name, then the agency
        if (SentenceBreak().Match(text) is { Success: true } stop)
        {
            text = text[..stop.Index]; // "Finian Cunningham. Sputnik International", but not "Sarah E. Needleman"
        }
        if (text.Length is < 3 or > 60 || text.Contains("://", StringComparison.Ordinal) || text.Contains('@'))
        {
            return null;
        }

        if (site is not null && string.Equals(text, site, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (oneWord)
        {
            // An acronym ("PTI") signs for an agency.
            return words is [var pseudonym] && pseudonym.Length >= 3 && pseudonym.All(char.IsLetter) && !pseudonym.All(char.IsUpper)
                && !s_notNameWords.Contains(pseudonym) && !s_notPseudonyms.Contains(pseudonym) ? pseudonym : null;
        }

        if (words.Length is < 2 or > 4 || words.Any(w => s_notNameWords.Contains(w.Trim('.')) || w.Any(char.IsDigit)))
        {
            return null;
        }

        return words.All(w => char.IsUpper(w[0]) || w is "van" or "von" or "de" or "da" or "di" or "del" or "bin" or "al" or "le" or "la") ? text : null;
    }

    private static string? NotHandle(string? value) => value is not null && value.TrimStart().StartsWith('@') ? null : value;

    private static string? First(params string?[] values) => values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    /// <summary>A site's name followed by its tagline ("Frollein Herr | Fashion, beauty and more") is the name.</summary>
    private static string? WithoutTagline(string? site)
    {
        if (site is null || TitleSeparator().Split(site) is not [var name, var tagline, ..])
        {
            return site;
        }

        var words = name.Trim().Split(' ').Length;
        return words <= 4 && tagline.Trim().Split(' ').Length > words ? name.Trim() : site;
    }

    private static string? SiteFromTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var parts = TitleSeparator().Split(title);
        if (parts.Length < 2)
        {
            return null;
        }

        var last = parts[^1].Trim();
        return last.Split(' ').Length <= 5 ? last : null;
    }

    private static string? StripSite(string? title, string? site)
    {
        if (title is null)
        {
            return null;
        }

        var parts = TitleSeparator().Split(title);
        if (parts.Length >= 2 && site is not null && (string.Equals(parts[^1].Trim(), site, StringComparison.OrdinalIgnoreCase) || string.Equals(parts[0].Trim(), site, StringComparison.OrdinalIgnoreCase)))
        {
            var kept = string.Equals(parts[0].Trim(), site, StringComparison.OrdinalIgnoreCase) ? parts[1..] : parts[..^1];
            return string.Join(" - ", kept.Select(p => p.Trim()));
        }

        return title;
    }

    private static string? HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? (uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host) : null;

    private static string? Absolute(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        if (Uri.TryCreate(href.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }

        return Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) && Uri.TryCreate(root, href.Trim(), out var joined) ? joined.ToString() : null;
    }

    [GeneratedRegex(@"/((?:19|20)\d{2})[/\-]([01]\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))[/\-]([0-3]\d)(?:/|[^\d]|$)")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"\s+[|\-–—:»]\s+")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(?:(?:written|analysis|story|text|words|reporting|photos?|commentary|opinion|column|review|interview)\s+)?(?:by|von|por|par|door|av|af|di|da)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"^(?:autor|autorin|author|auteur|autore|autora)\s*:\s*(?<name>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorLabel();

    [GeneratedRegex(@"(?:^|[:._-])(?:author|author_name|creator)$", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorMetaKey();

    [GeneratedRegex(@"(?<=\p{Ll}{2})\.\s+\p{Lu}")]
    private static partial Regex SentenceBreak();

    /// <summary>The article fields found in a page's JSON-LD blocks (including @graph arrays).</summary>
    private sealed record JsonLd(string? Headline, string? Author, string? Publisher, string? DatePublished, string? DateModified)
    {
        public string? ArticleBody { get; init; }

        public bool? AccessibleForFree { get; init; }

        public int? WordCount { get; init; }

        /// <summary>
        /// The first article-like block of the page's JSON-LD, an article or post preferred to a mere WebPage (which many
        /// CMS put first, around the article), with the longest article body that any block declares.
        /// </summary>
        public static JsonLd Read(IEnumerable<string> scripts)
        {
            var found = new List<(JsonLd Fields, bool WebPage)>();
            string? body = null;
            foreach (var script in scripts)
            {
                try
                {
                    using var json = JsonDocument.Parse(script, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                    Find(json.RootElement, found, ref body);
                }
                catch (JsonException)
                {
                    // A broken JSON-LD block is common; the page's other metadata still counts.
                }
            }

            var chosen = found.Where(f => !f.WebPage).Select(f => f.Fields).FirstOrDefault() ?? found.Select(f => f.Fields).FirstOrDefault() ?? new JsonLd(null, null, null, null, null);
            return chosen with { ArticleBody = body };
        }

        private static void Find(JsonElement element, List<(JsonLd Fields, bool WebPage)> found, ref string? body)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Find(item, found, ref body);
                    }

                    break;
                case JsonValueKind.Object:
                    if (Text(element, "articleBody") is { } declared && declared.Length > (body?.Length ?? 0))
                    {
                        body = declared;
                    }

                    foreach (var nested in new[] { "@graph", "mainEntity", "mainEntityOfPage" })
                    {
                        if (element.TryGetProperty(nested, out var inner) && inner.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                        {
                            Find(inner, found, ref body);
                        }
                    }

                    if (ArticleType(element) is { } type)
                    {
                        found.Add((new JsonLd(
                            Text(element, "headline"),
                            Name(element, "author"),
                            Name(element, "publisher"),
                            Text(element, "datePublished") ?? Text(element, "dateCreated"),
                            Text(element, "dateModified"))
                        {
                            AccessibleForFree = element.TryGetProperty("isAccessibleForFree", out var free)
                                ? free.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, JsonValueKind.String => !string.Equals(free.GetString(), "false", StringComparison.OrdinalIgnoreCase), _ => null }
                                : null,
                            WordCount = element.TryGetProperty("wordCount", out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var n) ? n : null,
                        }, type == "WebPage"));
                    }

                    break;
            }
        }

        /// <summary>The element's article-like type (an Article of any kind, a blog or live-blog post, a report, a web page), or null.</summary>
        private static string? ArticleType(JsonElement element)
        {
            if (!element.TryGetProperty("@type", out var type))
            {
                return null;
            }

            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()];
            return types.FirstOrDefault(t => t.EndsWith("Article", StringComparison.Ordinal) || t is "BlogPosting" or "Report" or "LiveBlogPosting")
                ?? types.FirstOrDefault(t => t == "WebPage");
        }

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string? Name(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Object => Text(value, "name"),
                JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Object ? Text(v, "name") : v.ValueKind == JsonValueKind.String ? v.GetString() : null).FirstOrDefault(v => v is not null),
                _ => null,
            };
        }
    }
}
