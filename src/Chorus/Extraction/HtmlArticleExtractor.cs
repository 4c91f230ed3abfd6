using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Chorus.Extraction;

/// <summary>
/// Extracts the article from an HTML page: metadata from meta tags, JSON-LD and the URL
/// (<see cref="HtmlMetadataReader"/>), and the body from the container that holds the most prose
/// (Readability-style scoring), with chrome blocks removed.
/// </summary>
internal static class HtmlArticleExtractor
{
    private static readonly HashSet<string> s_dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "input", "textarea",
        "canvas", "video", "audio", "object", "embed", "head", "dialog",
    };

    /// <summary>Elements that are usually chrome, but that some sites wrap around the whole page (ASP.NET forms).</summary>
    private static readonly HashSet<string> s_usuallyChrome = new(StringComparer.Ordinal) { "nav", "footer", "aside", "form", "menu", "figcaption", "figure" };

    private static readonly HashSet<string> s_blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "table", "tr", "td", "th", "tbody", "thead", "dl", "dt", "dd", "figure", "address", "hr", "center", "body",
    };

    private static readonly string[] s_negativeCues =
    [
        "comment", "related", "share", "social", "advert", "advertisement", "ad", "ads", "adslot", "sponsor", "sponsored", "promo",
        "newsletter", "cookie", "consent", "sidebar", "widget", "footer", "menu", "nav", "navbar", "breadcrumb", "breadcrumbs", "subscribe",
        "bio", "tags", "tag", "recommend", "recommended", "popular", "trending", "outbrain", "taboola", "spelling", "typo", "toolbar",
        "masthead", "header", "byline", "meta", "caption", "credit", "disclaimer", "paywall", "modal", "popup", "banner", "more",
    ];

    private static readonly string[] s_positiveCues = ["article", "body", "content", "entry", "main", "post", "story", "text", "prose"];

    public static Article Extract(string id, string source, string html, string? url, DateTimeOffset? fetchedAt)
    {
        var document = new HtmlParser().ParseDocument(html);
        var meta = HtmlMetadataReader.Read(document, url, fetchedAt);

        foreach (var element in document.All.Where(e => s_dropped.Contains(e.LocalName)).ToList())
        {
            element.Remove();
        }

        // A chrome-looking element that holds paragraphs of prose ("content-with-sidebar", an ASP.NET form
        // around the page) is a wrapper, not chrome.
        foreach (var element in document.All.Where(IsBoilerplate).ToList())
        {
            if (ProseChars(element) < MinProseToKeep)
            {
                element.Remove();
            }
        }

        var root = FindArticleRoot(document);
        var blocks = new List<Block>();
        Collect(root, blocks);

        var candidates = blocks
            .Where(b => b.LinkChars * 2 <= b.Text.Length || b.Text.Length > 200)
            .Select(b => b.Text)
            .ToList();
        var (kept, removed) = ParagraphCleaner.Clean(candidates, meta.Title, meta.Site);
        var text = string.Join("\n\n", kept);

        // Pages that render their body with script often still carry it whole in JSON-LD.
        if (meta.ArticleBody is { } declared && declared.Length > Math.Max(200, text.Length * 2))
        {
            text = string.Join("\n\n", declared.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        }
        return new Article(
            id, source, meta.Url ?? url, meta.Title, meta.Site, meta.Author, meta.Published,
            meta.Language ?? LanguageGuesser.Guess(text), text)
        {
            ChromeRemoved = removed + (blocks.Count - candidates.Count),
        };
    }

    /// <summary>For tuning: the path of the element chosen as the article's root, and the text extracted.</summary>
    internal static (string Root, string Text) Explain(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All.Where(e => s_dropped.Contains(e.LocalName)).ToList())
        {
            element.Remove();
        }

        var removed = new List<string>();
        foreach (var element in document.All.Where(IsBoilerplate).ToList())
        {
            if (ProseChars(element) < MinProseToKeep)
            {
                if (element.TextContent.Length > 500)
                {
                    removed.Add($"{Describe(element)} ({element.TextContent.Length} chars)");
                }

                element.Remove();
            }
        }

        var root = FindArticleRoot(document);
        var path = new List<string>();
        for (var node = root as IElement; node is not null; node = node.ParentElement)
        {
            path.Insert(0, Describe(node));
        }

        return (string.Join(" > ", path) + "\nremoved: " + string.Join("; ", removed.Take(40)), root.TextContent);

        static string Describe(IElement e) => e.LocalName + (e.Id is { Length: > 0 } id ? "#" + id : "") + (e.ClassName is { Length: > 0 } c ? "." + c.Replace(' ', '.') : "");
    }

    private const int MinProseToKeep = 400;

    private static readonly HashSet<string> s_inline = new(StringComparer.Ordinal)
    {
        "a", "span", "em", "strong", "b", "i", "u", "font", "small", "big", "sub", "sup", "mark", "abbr", "cite", "q", "time", "code", "br", "wbr", "s", "del", "ins",
    };

    /// <summary>
    /// Paragraphs for scoring: p, pre, td and blockquote, and divs that hold their text directly (text and
    /// inline elements separated by &lt;br&gt;, as blog engines write), which Readability also treats as paragraphs.
    /// </summary>
    private static IEnumerable<IElement> ParagraphLike(IParentNode root)
    {
        foreach (var element in root.QuerySelectorAll("p, pre, td, blockquote, div"))
        {
            if (element.LocalName != "div" || DirectTextLength(element) >= 100)
            {
                yield return element;
            }
        }
    }

    private static int DirectTextLength(IElement element)
    {
        var length = 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                length += text.Data.Trim().Length;
            }
            else if (child is IElement inline && s_inline.Contains(inline.LocalName))
            {
                length += inline.TextContent.Length;
            }
        }

        return length;
    }

    /// <summary>Characters in paragraphs of prose under an element: &lt;p&gt; of 60+ characters that are mostly not links.</summary>
    private static int ProseChars(IElement element)
    {
        var total = 0;
        foreach (var paragraph in ParagraphLike(element))
        {
            var length = paragraph.TextContent.Length;
            if (length >= 60 && LinkDensity(paragraph) < 0.3)
            {
                total += length;
                if (total >= MinProseToKeep)
                {
                    break;
                }
            }
        }

        return total;
    }

    private static bool IsBoilerplate(IElement element)
    {
        if (element.LocalName is "article" or "main" or "body" or "html" || element.GetAttribute("itemprop") == "articleBody")
        {
            return false;
        }

        if (s_usuallyChrome.Contains(element.LocalName))
        {
            return true;
        }

        var cues = $"{element.ClassName} {element.Id} {element.GetAttribute("role")}";
        if (cues.Length <= 2)
        {
            return false;
        }

        foreach (var token in cues.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Array.IndexOf(s_negativeCues, token.ToLowerInvariant()) >= 0)
            {
                return !HasPositiveCue(element);
            }
        }

        return element.GetAttribute("aria-hidden") == "true" || element.HasAttribute("hidden");
    }

    private static bool HasPositiveCue(IElement element)
    {
        var cues = $"{element.ClassName} {element.Id}".ToLowerInvariant();
        return cues.Contains("article-body", StringComparison.Ordinal) || cues.Contains("story-body", StringComparison.Ordinal) || cues.Contains("entry-content", StringComparison.Ordinal);
    }

    /// <summary>The element whose subtree holds the article: articleBody markup, else the best-scoring container and its good siblings.</summary>
    private static INode FindArticleRoot(IHtmlDocument document)
    {
        var marked = document.QuerySelector("[itemprop=articleBody]");
        if (marked is not null && marked.TextContent.Length > 200)
        {
            return marked;
        }

        var scores = new Dictionary<IElement, double>();
        foreach (var paragraph in ParagraphLike(document))
        {
            var length = paragraph.TextContent.Trim().Length;
            if (length < 25 || paragraph.ParentElement is not { } parent)
            {
                continue;
            }

            var score = 1 + paragraph.TextContent.Count(c => c == ',') + Math.Min(length / 100.0, 3);
            scores[parent] = scores.GetValueOrDefault(parent) + score;
            if (parent.ParentElement is { } grandparent)
            {
                scores[grandparent] = scores.GetValueOrDefault(grandparent) + (score / 2);
            }
        }

        IElement? best = null;
        var bestScore = double.MinValue;
        foreach (var (element, raw) in scores)
        {
            var score = (raw * (1 - LinkDensity(element))) + ClassWeight(element);
            if (score > bestScore)
            {
                best = element;
                bestScore = score;
            }
        }

        if (best?.ParentElement is not { } container)
        {
            return (INode?)best ?? document.Body ?? (INode)document;
        }

        // Keep good siblings (Readability's sibling join) by removing the others from the container.
        var threshold = Math.Max(10, bestScore * 0.2);
        foreach (var sibling in container.Children.ToList())
        {
            if (sibling == best)
            {
                continue;
            }

            var siblingScore = scores.TryGetValue(sibling, out var s) ? (s * (1 - LinkDensity(sibling))) + ClassWeight(sibling) : 0;
            var text = sibling.TextContent.Trim();
            var goodParagraph = sibling.LocalName == "p" && text.Length > 80 && LinkDensity(sibling) < 0.25;

            // A body split over repeated containers (one card or chunk per paragraph) keeps its other parts.
            var samePart = sibling.LocalName == best.LocalName && sibling.ClassName == best.ClassName && text.Length >= 40 && LinkDensity(sibling) < 0.3;
            if (siblingScore < threshold && !goodParagraph && !samePart)
            {
                sibling.Remove();
            }
        }

        return RepeatedParts(container) ?? container;
    }

    /// <summary>
    /// When the chosen container is one of several like siblings (one card or chunk per paragraph), their
    /// parent is the article, keeping only those parts; else null.
    /// </summary>
    private static IElement? RepeatedParts(IElement container)
    {
        if (container.ParentElement is not { } parent || container.LocalName is "body" or "html")
        {
            return null;
        }

        bool Like(IElement e) => e.LocalName == container.LocalName && e.ClassName == container.ClassName && !string.IsNullOrEmpty(e.ClassName);
        var parts = parent.Children.Where(e => e != container && Like(e) && e.TextContent.Trim().Length >= 40 && LinkDensity(e) < 0.3).ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        foreach (var child in parent.Children.ToList())
        {
            if (child != container && !parts.Contains(child))
            {
                child.Remove();
            }
        }

        return parent;
    }

    private static double ClassWeight(IElement element)
    {
        var weight = 0.0;
        foreach (var token in $"{element.ClassName} {element.Id}".ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Array.IndexOf(s_positiveCues, token) >= 0)
            {
                weight += 25;
            }
            else if (Array.IndexOf(s_negativeCues, token) >= 0)
            {
                weight -= 25;
            }
        }

        return element.LocalName == "article" ? weight + 25 : weight;
    }

    private static double LinkDensity(IElement element)
    {
        var total = element.TextContent.Length;
        if (total == 0)
        {
            return 0;
        }

        var links = element.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return Math.Min(1, links / (double)total);
    }

    private sealed record Block(string Text, int LinkChars);

    private static void Collect(INode root, List<Block> blocks)
    {
        var buffer = new StringBuilder();
        var linkChars = 0;
        Walk(root, inLink: false);
        Flush();

        void Walk(INode node, bool inLink)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    var before = buffer.Length;
                    AppendCollapsed(buffer, text.Data);
                    if (inLink)
                    {
                        linkChars += buffer.Length - before;
                    }
                }
                else if (child is IElement element)
                {
                    var name = element.LocalName;
                    if (s_dropped.Contains(name))
                    {
                        continue;
                    }

                    if (name is "br")
                    {
                        Flush();
                        continue;
                    }

                    var isBlock = s_blocks.Contains(name);
                    if (isBlock)
                    {
                        Flush();
                    }

                    Walk(element, inLink || name == "a");
                    if (isBlock)
                    {
                        Flush();
                    }
                }
            }
        }

        void Flush()
        {
            var text = buffer.ToString().Trim();
            if (text.Length > 0)
            {
                blocks.Add(new Block(text, linkChars));
            }

            buffer.Clear();
            linkChars = 0;
        }
    }

    private static void AppendCollapsed(StringBuilder buffer, string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                if (buffer.Length > 0 && buffer[^1] != ' ')
                {
                    buffer.Append(' ');
                }
            }
            else
            {
                buffer.Append(c);
            }
        }
    }
}
