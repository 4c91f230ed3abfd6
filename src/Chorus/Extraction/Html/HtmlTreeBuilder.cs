namespace Chorus.Extraction.Html;

/// <summary>
/// Builds an <see cref="HtmlTree"/> from a page in one forward pass: a tokenizer for tags, attributes, text,
/// comments and raw-text elements, and the parts of HTML5 tree construction that matter for finding text:
/// void elements, implied end tags (a block closes an open p, li closes li, td closes td...), end tags that
/// close up to their match, and a nesting limit against hostile pages. It never throws on malformed markup.
/// </summary>
internal static class HtmlTreeBuilder
{
    public const int DefaultMaxDepth = 256;

    private static readonly HashSet<string> s_void = Set("area base br col embed hr img input link meta param source track wbr keygen");
    private static readonly HashSet<string> s_headContent = Set("base basefont bgsound link meta noframes noscript script style template title");

    /// <summary>
    /// Elements whose content is read as text to their end tag, outside SVG and MathML: inside them (foreign content)
    /// a title or style is an ordinary element, and "&lt;title/&gt;" closes itself instead of swallowing the page.
    /// </summary>
    private static readonly HashSet<string> s_rawText = Set("script style textarea title xmp iframe noembed noframes noscript template plaintext");
    private static readonly HashSet<string> s_closesParagraph = Set(
        "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul li dd dt");

    private static readonly HashSet<string> s_scopeBoundary = Set("html body table td th caption marquee object template");
    private static readonly HashSet<string> s_listScope = Set("html body table td th caption marquee object template ul ol");
    private static readonly HashSet<string> s_definitionScope = Set("html body table td th caption marquee object template dl");
    private static readonly HashSet<string> s_tableScope = Set("html table tbody thead tfoot template");
    private static readonly HashSet<string> s_rowScope = Set("html table tr template");
    private static readonly HashSet<string> s_selectScope = Set("html body select datalist");
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_names = new(StringComparer.OrdinalIgnoreCase);

    public static HtmlTree Parse(string html, int maxDepth = DefaultMaxDepth)
    {
        var tree = new HtmlTree(html, expectedNodes: html.Length / 40);
        tree.Nodes.Add(new HtmlTree.NodeData { Tag = "#document", Parent = -1, FirstChild = -1, LastChild = -1, NextSibling = -1 });
        var stack = new List<int>(64) { 0 };
        var i = 0;
        var n = html.Length;
        var steps = 0;
        while (i < n)
        {
            if ((++steps & 1023) == 0)
            {
                PageDeadline.Check();
            }

            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                AddText(tree, stack[^1], i, n - i);
                break;
            }

            if (lt > i)
            {
                AddText(tree, stack[^1], i, lt - i);
            }

            i = lt;
            if (i + 1 >= n)
            {
                AddText(tree, stack[^1], i, 1);
                break;
            }

            var next = html[i + 1];
            if (next == '!')
            {
                if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
                {
                    var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    i = end < 0 ? n : end + 3;
                }
                else
                {
                    var end = html.IndexOf('>', i + 2);
                    i = end < 0 ? n : end + 1;
                }

                continue;
            }

            if (next == '?')
            {
                var end = html.IndexOf('>', i + 2);
                i = end < 0 ? n : end + 1;
                continue;
            }

            if (next == '/')
            {
                var nameStart = i + 2;
                var nameEnd = NameEnd(html, nameStart);
                var close = html.IndexOf('>', nameEnd);
                i = close < 0 ? n : close + 1;
                if (nameEnd > nameStart)
                {
                    CloseTo(tree, stack, Intern(html.AsSpan(nameStart, nameEnd - nameStart)));
                }

                continue;
            }

            if (!char.IsAsciiLetter(next))
            {
                AddText(tree, stack[^1], i, 1);
                i++;
                continue;
            }

            // Start tag.
            var tagStart = i + 1;
            var tagEnd = NameEnd(html, tagStart);
            var tag = Intern(html.AsSpan(tagStart, tagEnd - tagStart));
            var (attributeStart, attributeCount, after, selfClosing) = ReadAttributes(tree, html, tagEnd);
            i = after;
            ImplyBody(tree, stack, tag);
            ImplyEndTags(tree, stack, tag);
            if (tag is "html" or "body" or "head" && FindOpen(tree, stack, tag) >= 0)
            {
                continue;
            }

            var node = AddElement(tree, stack[^1], tag, attributeStart, attributeCount);
            // Inside SVG or MathML only a script keeps its text raw; a title or style there is an ordinary element.
            var rawText = s_rawText.Contains(tag) && (tag == "script" || (FindOpen(tree, stack, "svg") < 0 && FindOpen(tree, stack, "math") < 0));
            if (rawText)
            {
                var closeAt = FindRawTextEnd(html, i, tag);
                if (closeAt > i)
                {
                    AddText(tree, node, i, closeAt - i);
                }

                var gt = closeAt < n ? html.IndexOf('>', closeAt) : -1;
                i = gt < 0 ? n : gt + 1;
                Finish(tree, node);
                continue;
            }

            if (s_void.Contains(tag) || selfClosing || stack.Count >= maxDepth)
            {
                Finish(tree, node);
                continue;
            }

            stack.Add(node);
        }

        for (var k = stack.Count - 1; k >= 0; k--)
        {
            Finish(tree, stack[k]);
        }

        return tree;
    }

    /// <summary>
    /// A start tag that cannot be in the head, met while a head is open, closes the head (and an unclosed noscript
    /// or other element in it) and opens the body, as HTML5's "in head" mode does: a page with no body tag, or with a
    /// noscript block in its head, still has its content in a body.
    /// </summary>
    private static void ImplyBody(HtmlTree tree, List<int> stack, string tag)
    {
        if (tag is "html" or "head" or "body" || s_headContent.Contains(tag) || FindOpen(tree, stack, "head") is not (> 0 and var head))
        {
            return;
        }

        PopTo(tree, stack, head);
        stack.Add(AddElement(tree, stack[^1], "body", 0, 0));
    }

    private static void ImplyEndTags(HtmlTree tree, List<int> stack, string tag)
    {
        if (stack.Count <= 1)
        {
            return;
        }

        if (s_closesParagraph.Contains(tag))
        {
            CloseInScope(tree, stack, "p", s_scopeBoundary);
        }

        switch (tag)
        {
            case "li":
                CloseInScope(tree, stack, "li", s_listScope);
                break;
            case "dt" or "dd":
                CloseInScope(tree, stack, "dt", s_definitionScope);
                CloseInScope(tree, stack, "dd", s_definitionScope);
                break;
            case "tr":
                CloseInScope(tree, stack, "tr", s_tableScope);
                break;
            case "td" or "th":
                CloseInScope(tree, stack, "td", s_rowScope);
                CloseInScope(tree, stack, "th", s_rowScope);
                break;
            case "option":
                CloseInScope(tree, stack, "option", s_selectScope);
                break;
            case "a":
                CloseInScope(tree, stack, "a", s_scopeBoundary);
                break;
        }
    }

    /// <summary>Closes an open element of the tag if it is open above the nearest boundary.</summary>
    private static void CloseInScope(HtmlTree tree, List<int> stack, string tag, HashSet<string> boundary)
    {
        for (var k = stack.Count - 1; k > 0; k--)
        {
            var open = tree.Nodes[stack[k]].Tag!;
            if (open == tag)
            {
                PopTo(tree, stack, k);
                return;
            }

            if (boundary.Contains(open))
            {
                return;
            }
        }
    }

    private static int FindOpen(HtmlTree tree, List<int> stack, string tag)
    {
        for (var k = stack.Count - 1; k > 0; k--)
        {
            if (tree.Nodes[stack[k]].Tag == tag)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>An end tag closes the nearest open element with its name (and everything opened inside it); a stray one is ignored.</summary>
    private static void CloseTo(HtmlTree tree, List<int> stack, string tag)
    {
        var k = FindOpen(tree, stack, tag);
        if (k > 0)
        {
            PopTo(tree, stack, k);
        }
    }

    private static void PopTo(HtmlTree tree, List<int> stack, int k)
    {
        for (var j = stack.Count - 1; j >= k; j--)
        {
            Finish(tree, stack[j]);
        }

        stack.RemoveRange(k, stack.Count - k);
    }

    private static void Finish(HtmlTree tree, int node) => tree.Nodes[node].SubtreeEnd = tree.Nodes.Count;

    private static int AddElement(HtmlTree tree, int parent, string tag, int attributeStart, int attributeCount)
    {
        var index = tree.Nodes.Count;
        tree.Nodes.Add(new HtmlTree.NodeData
        {
            Tag = tag, Parent = parent, FirstChild = -1, LastChild = -1, NextSibling = -1,
            AttributeStart = attributeStart, AttributeCount = attributeCount, SubtreeEnd = index + 1,
        });
        Link(tree, parent, index);
        return index;
    }

    private static void AddText(HtmlTree tree, int parent, int start, int length)
    {
        var index = tree.Nodes.Count;
        tree.Nodes.Add(new HtmlTree.NodeData { Tag = null, Parent = parent, FirstChild = -1, LastChild = -1, NextSibling = -1, Start = start, Length = length, SubtreeEnd = index + 1 });
        Link(tree, parent, index);
    }

    private static void Link(HtmlTree tree, int parent, int child)
    {
        ref var data = ref tree.Nodes[parent];
        if (data.LastChild < 0)
        {
            data.FirstChild = child;
        }
        else
        {
            tree.Nodes[data.LastChild].NextSibling = child;
        }

        data.LastChild = child;
    }

    private static (int Start, int Count, int After, bool SelfClosing) ReadAttributes(HtmlTree tree, string html, int i)
    {
        var start = tree.Attributes.Count;
        var n = html.Length;
        while (i < n)
        {
            while (i < n && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                if (html[i] == '/' && i + 1 < n && html[i + 1] == '>')
                {
                    return (start, tree.Attributes.Count - start, i + 2, true);
                }

                i++;
            }

            if (i >= n)
            {
                break;
            }

            if (html[i] == '>')
            {
                return (start, tree.Attributes.Count - start, i + 1, false);
            }

            var nameStart = i;
            while (i < n && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            if (i == nameStart)
            {
                i++; // a stray character such as '/' not followed by '>'
                continue;
            }

            var nameLength = i - nameStart;
            while (i < n && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            int valueStart = i, valueLength = 0;
            if (i < n && html[i] == '=')
            {
                i++;
                while (i < n && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < n && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    if (close < 0)
                    {
                        close = n;
                    }

                    valueStart = i + 1;
                    valueLength = close - valueStart;
                    i = Math.Min(n, close + 1);
                }
                else
                {
                    valueStart = i;
                    while (i < n && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    valueLength = i - valueStart;
                }
            }

            tree.Attributes.Add(new HtmlTree.AttributeData(nameStart, nameLength, valueStart, valueLength));
        }

        return (start, tree.Attributes.Count - start, n, false);
    }

    private static int NameEnd(string html, int i)
    {
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or ':' or '_'))
        {
            i++;
        }

        return i;
    }

    /// <summary>Where the raw text of a script, style or similar element ends: at its "&lt;/tag", case-insensitive.</summary>
    private static int FindRawTextEnd(string html, int from, string tag)
    {
        var i = from;
        while (true)
        {
            var at = html.IndexOf("</", i, StringComparison.Ordinal);
            if (at < 0)
            {
                return html.Length;
            }

            if (at + 2 + tag.Length <= html.Length && html.AsSpan(at + 2, tag.Length).Equals(tag, StringComparison.OrdinalIgnoreCase)
                && (at + 2 + tag.Length == html.Length || !char.IsAsciiLetterOrDigit(html[at + 2 + tag.Length])))
            {
                return at;
            }

            i = at + 2;
        }
    }

    /// <summary>Tag names as shared lower-case strings; a page cannot grow the table past a bound.</summary>
    private static string Intern(ReadOnlySpan<char> name)
    {
        if (s_names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var known))
        {
            return known;
        }

        var lower = name.ToString().ToLowerInvariant();
        if (s_names.Count < 4096)
        {
            s_names.TryAdd(lower, lower);
        }

        return lower;
    }

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
