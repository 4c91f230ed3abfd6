using System.Text;
using System.Text.RegularExpressions;
using Chorus.Extraction.Html;

namespace Chorus.Extraction;

/// <summary>
/// Extracts the article from an HTML page, on the light <see cref="HtmlTree"/>: metadata from meta tags, JSON-LD
/// and the URL (<see cref="HtmlMetadataReader"/>), and the body from the container holding the most prose
/// (Readability-style scoring of paragraphs into their parents), joined with like siblings, with chrome removed:
/// elements whose class, id, role or tag marks them as chrome and that hold little prose, and chrome lines. A block
/// model (<see cref="BlockModel"/>) then reads every block of the page against that choice and keeps or drops each.
/// Per-node text, link and prose counts are computed once, bottom-up, so the whole page is a few linear passes.
/// </summary>
internal static partial class HtmlArticleExtractor
{
    private const int MinProseToKeep = 400;

    /// <summary>How much a character of text that is not prose counts against the root's widening, per character of prose.</summary>
    private const double OtherTextWeight = 1.5;

    /// <summary>Inside the chosen root a repeated block is content (a recipe's steps, a table), so no repeat is dropped.</summary>
    private const int LongestRepeat = 0;

    private static readonly HashSet<string> s_dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "input", "textarea",
        "canvas", "video", "audio", "object", "embed", "head", "dialog", "title",
    };

    /// <summary>Elements that are usually chrome, but that some sites wrap around the whole page (ASP.NET forms).</summary>
    private static readonly HashSet<string> s_usuallyChrome = new(StringComparer.Ordinal) { "nav", "footer", "aside", "form", "menu", "figcaption", "figure" };

    private static readonly HashSet<string> s_blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "table", "tr", "tbody", "thead", "dl", "dt", "dd", "figure", "address", "hr", "center", "body",
        "nav", "footer", "aside", "form", "menu", "figcaption", "details", "summary", "fieldset", "caption", "br",
    };

    private static readonly HashSet<string> s_inline = new(StringComparer.Ordinal)
    {
        "a", "span", "em", "strong", "b", "i", "u", "font", "small", "big", "sub", "sup", "mark", "abbr", "cite", "q", "time", "code", "br", "wbr", "s", "del", "ins",
    };

    private static readonly HashSet<string> s_negativeCues = HtmlClasses.Words(
        "comment comments related share social advert advertisement ad ads adslot sponsor sponsored promo newsletter cookie consent " +
        "sidebar widget footer menu nav navbar breadcrumb breadcrumbs subscribe bio tags tag recommend recommended popular trending " +
        "outbrain taboola spelling typo toolbar masthead header byline meta caption credit disclaimer paywall modal popup banner more");

    private static readonly HashSet<string> s_positiveCues = HtmlClasses.Words("article body content entry main post story text prose");

    private static readonly HashSet<string> s_none = HtmlClasses.Words("");

    private static readonly HashSet<string> s_embeddedPosts = HtmlClasses.Words("twitter-tweet instagram-media tiktok-embed");

    private static readonly string[] s_classAndId = ["class", "id"];

    private static readonly HashSet<string> s_leadCues = HtmlClasses.Words("summary lead lede intro standfirst dek deck excerpt subtitle subheadline");

    private static readonly HashSet<string> s_hiddenClasses = HtmlClasses.Words("hidden hide element-hidden visually-hidden sr-only screen-reader-text is-hidden u-hidden invisible");

    private static readonly HashSet<string> s_paywallCues = HtmlClasses.Words("paywall subscriber-only premium-content metered regwall");

    public static Article Extract(string id, string source, string html, string? url, DateTimeOffset? fetchedAt)
    {
        using var tree = HtmlTreeBuilder.Parse(html);
        var meta = HtmlMetadataReader.Read(tree, url, fetchedAt);
        PageDeadline.Check();
        var (page, root, (blocks, candidates, kept, removed), tried) = ChooseBody(tree, meta);
        // The model corrects the rules' choice only where the survey reads the blocks the rules kept; otherwise it would
        // see a page whose rules kept nothing, and the rules' text would be lost.
        if (BlockModel.Shipped is { } model && kept.Count > 0 && page.Survey(root, kept, meta.Title, out var aligned) is var survey && aligned)
        {
            kept = model.Keep(survey);
        }

        var text = string.Join("\n\n", kept);

        // Pages that render their body with script often still carry it whole in JSON-LD.
        if (meta.ArticleBody is { } declared && declared.Length > Math.Max(200, text.Length * 2))
        {
            text = string.Join("\n\n", declared.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        }

        var (checkedText, walls) = AccessWallDetector.Check(source, text, candidates, page.AccessSignals(meta));
        if (checkedText.Length == 0 && walls.Count == 0)
        {
            walls = [Diagnostic.Warning(source, tried == 0
                ? "no body found: no element of the page holds a paragraph of text"
                : tried == 1 ? "no body found: 1 candidate tried, only chrome, links or markup once cleaned"
                : $"no body found: {tried} candidates tried, each only chrome, links or markup once cleaned")];
        }

        // A page's declared language is often a template default; clear evidence in the text overrides it.
        var guessed = LanguageGuesser.Guess(checkedText, out var confident);
        var language = confident && guessed is not null ? guessed : meta.Language ?? guessed;
        return new Article(id, source, url ?? meta.Url, meta.Title, meta.Site, meta.Author, meta.Published, language, checkedText)
        {
            ChromeRemoved = removed + (blocks.Count - candidates.Count),
            CanonicalUrl = url is not null && meta.Url is not null && meta.Url != url ? meta.Url : null,
            Diagnostics = walls,
        };
    }

    /// <summary>A root's blocks, those left once link lists are dropped, those kept once chrome lines are cleaned, and how many were removed.</summary>
    private sealed record Reading(List<Block> Blocks, List<string> Candidates, List<string> Kept, int Removed);

    /// <summary>The rules' choice: the page as measured, the root read, what was read there, and how many candidates were tried.</summary>
    private sealed record BodyChoice(Page Page, int Root, Reading Found, int Tried);

    /// <summary>
    /// The rules' choice of the body: the widened root of the best container; when cleaning leaves it empty (a consent
    /// layer's buttons, a card of links), the next best containers elsewhere on the page, alone, in turn; and when every
    /// one is empty, all of that again with chrome-looking wrappers that hold less than half the page's prose kept (a
    /// body split over several "widget" sections).
    /// </summary>
    private static BodyChoice ChooseBody(HtmlTree tree, PageMetadata meta)
    {
        Reading Read(Page page, int root)
        {
            var blocks = page.Blocks(root);
            PageDeadline.Check();
            var candidates = WithoutLinkLists(blocks);
            var (kept, removed) = ParagraphCleaner.Clean(candidates, meta.Title, meta.Site, trimEdges: false, longestRepeat: LongestRepeat);
            return new Reading(blocks, candidates, kept, removed);
        }

        BodyChoice Choose(Page page)
        {
            var root = page.Widen(page.FindArticleRoot());
            var found = Read(page, root);
            var tried = page.Scored > 0 ? 1 : 0;
            foreach (var other in found.Kept.Count == 0 ? page.RunnersUp(3) : [])
            {
                tried++;
                if (Read(page, other) is { Kept.Count: > 0 } next)
                {
                    return new BodyChoice(page, other, next, tried);
                }
            }

            return new BodyChoice(page, root, found, tried);
        }

        var chosen = Choose(new Page(tree, wrappersHoldHalf: true));
        if (chosen.Found.Kept.Count > 0)
        {
            return chosen;
        }

        var lenient = Choose(new Page(tree, wrappersHoldHalf: false));
        return lenient with { Tried = Math.Max(chosen.Tried, lenient.Tried) };
    }

    /// <summary>For the block model's training: every block of the page with its features, against the rules' choice.</summary>
    internal static List<SurveyedBlock> Survey(string html, string? url)
    {
        using var tree = HtmlTreeBuilder.Parse(html);
        var meta = HtmlMetadataReader.Read(tree, url, fetchedAt: null);
        var choice = ChooseBody(tree, meta);
        return choice.Page.Survey(choice.Root, choice.Found.Kept, meta.Title, out _);
    }

    /// <summary>
    /// Drops blocks that are mostly links, and a short heading that only introduces them ("More stories",
    /// "Related Roundup: ..."). A linked line that shows an address is the author's citation ("http://...",
    /// "@handle"), and so, inside the body (between its first and last paragraph of prose), is one that shows a
    /// price (a shopping pick). After the body, a run of short, partly linked list items is a list of other stories.
    /// </summary>
    private static List<string> WithoutLinkLists(List<Block> blocks)
    {
        static bool LinkDense(Block b) => b.LinkChars * 2 > b.Text.Length && b.Text.Length <= 200 && !LinkedSentence(b);

        // A sentence whose second half is a link ("... was <a>sentenced to life</a>.") is prose, not a list item.
        static bool LinkedSentence(Block b) => b.Text.Length - b.LinkChars >= 20 && b.Text.AsSpan().TrimEnd("\"”’)") is [.., '.' or '!' or '?'] && b.Text.Count(c => c == ' ') >= 7;
        // A short line that opens what follows ("Read more:", "Contact:").
        static bool Introduces(Block b) => b.Text.Length < 100 && b.Text[^1] == ':' && !b.ListItem;
        static bool Heading(Block b) => b.Text.Length < 60 && b.Text[^1] is not ('.' or '!' or '?' or ':' or '"' or '”') && b.LinkChars * 2 <= b.Text.Length;
        static bool PartlyLinked(Block b) => b.ListItem && b.LinkChars * 10 >= b.Text.Length * 3 && b.Text.Length < 150 && !ShowsAddress().IsMatch(b.Text);
        static bool Prose(Block b) => ParagraphCleaner.IsProse(b.Text) && !LinkDense(b) && !PartlyLinked(b);

        var firstProse = blocks.FindIndex(Prose);
        var lastProse = blocks.FindLastIndex(Prose);
        var dropped = new bool[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            dropped[i] = LinkDense(blocks[i]) && !ShowsAddress().IsMatch(blocks[i].Text) && !(i > firstProse && i < lastProse && ShowsPrice().IsMatch(blocks[i].Text));
        }

        // After the body, a run of short list items each partly linked ("Could a lost astronaut <a>use gravity</a>?")
        // is a list of other stories.
        for (var i = lastProse + 1; i < blocks.Count; i++)
        {
            var run = i;
            while (run < blocks.Count && PartlyLinked(blocks[run]))
            {
                run++;
            }

            if (run - i >= 3)
            {
                Array.Fill(dropped, true, i, run - i);
            }

            i = run;
        }

        var kept = new List<string>(blocks.Count);
        var next = 1; // the heading level of the next kept block, 0 for text; past the end, as if a top heading came
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            if (dropped[i] || ((Heading(blocks[i]) || Introduces(blocks[i])) && i + 1 < blocks.Count && dropped[i + 1]))
            {
                continue;
            }

            if ((blocks[i].HeadingLevel > 0 && next > 0 && next <= blocks[i].HeadingLevel) || (Introduces(blocks[i]) && next > 0))
            {
                continue; // a heading or an introducing line over nothing: its section was left out
            }

            kept.Add(blocks[i].Text);
            next = blocks[i].HeadingLevel;
        }

        kept.Reverse();
        return kept;
    }

    [GeneratedRegex(@"https?://|www\.|pic\.twitter\.com|(^|\s)@\w")]
    private static partial Regex ShowsAddress();

    [GeneratedRegex(@"[$€£¥]\s?\d")]
    private static partial Regex ShowsPrice();

    /// <summary>The text of an HTML fragment (a feed item's body), one line per block, chrome left out, without choosing a root.</summary>
    internal static string FragmentText(string html)
    {
        using var tree = HtmlTreeBuilder.Parse(html);
        var page = new Page(tree, wrappersHoldHalf: false);
        return string.Join("\n", page.Blocks(0).Select(b => b.Text));
    }

    /// <summary>For tuning: the path of the element chosen as the article's root, and the text extracted.</summary>
    internal static (string Root, string Text) Explain(string html)
    {
        using var tree = HtmlTreeBuilder.Parse(html);
        var page = new Page(tree);
        var root = page.Widen(page.FindArticleRoot());
        string Path(int at)
        {
            var path = new List<string>();
            for (var node = at; node > 0; node = tree.Parent(node))
            {
                path.Insert(0, tree.Tag(node) + (tree.Attribute(node, "id") is { Length: > 0 } i ? "#" + i : "") + (tree.Attribute(node, "class") is { Length: > 0 } c ? "." + c.Replace(' ', '.') : ""));
            }

            return string.Join(" > ", path);
        }

        var ranking = page.Ranking(5).Select(c => $"  {c.Score,8:0.0}  {Path(c.Node)}");
        return (Path(root) + "\n" + string.Join("\n", ranking), string.Join("\n\n", page.Blocks(root).Select(b => b.Text)));
    }

    /// <summary>
    /// For tuning: why a piece of text is not in the extraction: the element that excluded it (as chrome or a
    /// dropped sibling), or "outside the root", or "kept" when it is extracted.
    /// </summary>
    internal static string WhyMissing(string html, string snippet)
    {
        using var tree = HtmlTreeBuilder.Parse(html);
        var page = new Page(tree);
        var root = page.Widen(page.FindArticleRoot());
        for (var node = 1; node < tree.Count; node++)
        {
            if (!tree.IsText(node) || !tree.Text(node).Contains(snippet, StringComparison.Ordinal) || tree.Tag(tree.Parent(node)) is "script" or "title" or "style")
            {
                continue;
            }

            for (var up = node; up > 0; up = tree.Parent(up))
            {
                if (page.IsExcluded(up) && !page.IsExcluded(tree.Parent(up)))
                {
                    return $"excluded at {tree.Tag(up)}.{tree.Attribute(up, "class")}#{tree.Attribute(up, "id")}";
                }

                if (up == root)
                {
                    return "kept (under the root)";
                }
            }

            var levels = 0;
            for (var up = root; up > 0 && !tree.IsAncestorOf(up, node); up = tree.Parent(up))
            {
                levels++;
            }

            return $"outside the root, {levels} levels up ({tree.Tag(root)}.{tree.Attribute(root, "class")}); text under {tree.Tag(tree.Parent(node))}.{tree.Attribute(tree.Parent(node), "class")}";
        }

        return "not found as one text node";
    }

    /// <summary>A block of text: its link characters, whether it is (inside) a list item, and its heading's level (1 to 6; 0 for text).</summary>
    internal readonly record struct Block(string Text, int LinkChars, bool ListItem = false, int HeadingLevel = 0);

    /// <summary>One page's tree with its per-node counts and the elements excluded as chrome.</summary>
    private sealed partial class Page
    {
        private readonly HtmlTree _tree;
        private readonly int[] _text;      // characters of text below the node
        private readonly int[] _links;     // of which inside links
        private readonly int[] _commas;
        private readonly int[] _direct;    // text held directly: own text nodes and inline children
        private readonly int[] _prose;     // characters in prose paragraphs below the node
        private readonly bool[] _excluded; // dropped, or chrome
        private readonly bool[] _cued;     // looks like chrome, though it may hold prose
        private readonly bool[] _chrome;   // excluded as chrome before the root was chosen (dropped tags included)
        private readonly bool _wrappersHoldHalf;

        /// <param name="tree">The page.</param>
        /// <param name="wrappersHoldHalf">A chrome-looking element must hold half the page's prose to count as a wrapper, not just <see cref="MinProseToKeep"/>.</param>
        public Page(HtmlTree tree, bool wrappersHoldHalf = true)
        {
            _tree = tree;
            _wrappersHoldHalf = wrappersHoldHalf;
            var n = tree.Count;
            _text = new int[n];
            _links = new int[n];
            _commas = new int[n];
            _direct = new int[n];
            _prose = new int[n];
            _excluded = new bool[n];
            _cued = new bool[n];
            Measure();
            ExcludeChrome();
            _chrome = (bool[])_excluded.Clone();
        }

        private bool IsElement(int node) => node > 0 && _tree.Tag(node) is not null;

        public bool IsExcluded(int node) => _excluded[node];

        /// <summary>Paywall markup: an element whose class or id names a paywall or subscriber-only content.</summary>
        public AccessSignals AccessSignals(PageMetadata meta)
        {
            var markup = false;
            var mayHaveWall = AccessWallDetector.MayHaveWall(_tree.Source);
            for (var node = 1; node < _tree.Count && !markup && mayHaveWall; node++)
            {
                markup = IsElement(node) && HtmlClasses.Score(_tree, node, s_none, s_paywallCues, stopAtFirstNegative: true) < 0;
            }

            return new AccessSignals(meta.AccessibleForFree == false, markup, meta.WordCount);
        }

        private void Measure()
        {
            for (var node = _tree.Count - 1; node > 0; node--)
            {
                var tag = _tree.Tag(node);
                var parent = _tree.Parent(node);
                if (tag is null)
                {
                    var raw = _tree.RawText(node);
                    _text[node] = raw.Length;
                    _commas[node] = raw.Count(',');
                }
                else if (s_dropped.Contains(tag))
                {
                    _excluded[node] = true;
                    continue; // contributes nothing upward
                }
                else if (tag == "a")
                {
                    _links[node] = _text[node];
                }

                if (tag is not null && IsProseParagraph(node, _text[node], _links[node]))
                {
                    _prose[node] = Math.Max(_prose[node], _text[node]);
                }

                if (parent >= 0)
                {
                    _text[parent] += _text[node];
                    _links[parent] += _links[node];
                    _commas[parent] += _commas[node];
                    _prose[parent] += _prose[node];
                    if (tag is null || s_inline.Contains(tag))
                    {
                        _direct[parent] += tag is null ? _tree.RawText(node).Trim().Length : _text[node];
                    }
                }
            }
        }

        /// <summary>A paragraph-like element with text enough for a sentence or two, mostly not links.</summary>
        private bool IsProseParagraph(int node, int text, int links) => IsParagraphLike(node) && text >= 60 && links * 10 < text * 3;

        /// <summary>p, pre, td, blockquote, and divs that hold their text directly (blog engines write text and &lt;br&gt;).</summary>
        private bool IsParagraphLike(int node) => _tree.Tag(node) switch
        {
            "p" or "pre" or "td" or "blockquote" => true,
            "div" => _direct[node] >= 100,
            _ => false,
        };

        /// <summary>
        /// A chrome-looking element that holds paragraphs of prose, at least half the page's ("content-with-sidebar", a
        /// form around the page), is a wrapper, not chrome; a header whose menu shows teasers is still chrome.
        /// </summary>
        private void ExcludeChrome()
        {
            var pageProse = _prose[0];
            // Parents come before children in document order, so exclusion flows down in one pass.
            for (var node = 1; node < _tree.Count; node++)
            {
                if (_excluded[_tree.Parent(node)])
                {
                    _excluded[node] = true;
                }
                else if (IsElement(node) && !_excluded[node] && IsBoilerplate(node))
                {
                    _cued[node] = true;
                    _excluded[node] = _prose[node] < MinProseToKeep || (_wrappersHoldHalf && _prose[node] * 2 < pageProse);
                }
            }
        }

        private bool IsBoilerplate(int node)
        {
            var tag = _tree.Tag(node)!;
            if (tag is "article" or "main" or "body" or "html" || _tree.Attribute(node, "itemprop") == "articleBody")
            {
                return false;
            }

            if (s_usuallyChrome.Contains(tag))
            {
                return true;
            }

            if (HtmlClasses.Score(_tree, node, s_none, s_negativeCues, stopAtFirstNegative: true) < 0)
            {
                return !HasPositiveCue(node) && !HoldsEmbeddedPost(node);
            }

            return _tree.RawAttribute(node, "aria-hidden").SequenceEqual("true") || _tree.HasAttribute(node, "hidden") || IsHidden(node) || IsHoverCard(node);
        }

        /// <summary>A post the author embedded in the story (a quoted tweet or Instagram post): a "social" wrapper around it is not chrome.</summary>
        private bool HoldsEmbeddedPost(int node)
        {
            foreach (var inner in _tree.Descendants(node))
            {
                if (_tree.Tag(inner) == "blockquote" && HtmlClasses.HasClass(_tree, inner, s_embeddedPosts))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Hidden by its own style or by a class whose whole name says so (not "hidden-xs", which only hides it on phones).</summary>
        private bool IsHidden(int node)
        {
            var style = _tree.RawAttribute(node, "style");
            if (!style.IsEmpty && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
                || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase) || style.Contains("visibility: hidden", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            return HtmlClasses.HasClass(_tree, node, s_hiddenClasses);
        }

        /// <summary>
        /// An inline card that pops up over a name (an image and several links inside a span of running text). A span
        /// that opens with the name's own link, or that holds a sentence beside its links, wraps name and card: the
        /// card is a span inside it.
        /// </summary>
        private bool IsHoverCard(int node)
        {
            if (_tree.Tag(node) != "span" || _text[node] < 40 || LinkDensity(node) < 0.8 || _text[node] - _links[node] >= 60 || OpensWithLink(node))
            {
                return false;
            }

            int links = 0, images = 0;
            foreach (var inner in _tree.Descendants(node))
            {
                switch (_tree.Tag(inner))
                {
                    case "a": links++; break;
                    case "img": images++; break;
                }
            }

            return links >= 2 && images >= 1;
        }

        private bool OpensWithLink(int node)
        {
            var first = _tree.FirstChild(node);
            while (first >= 0 && _tree.IsText(first) && _tree.RawText(first).IsWhiteSpace())
            {
                first = _tree.NextSibling(first);
            }

            return first >= 0 && _tree.Tag(first) == "a" && _text[first] > 0;
        }

        private bool HasPositiveCue(int node)
        {
            foreach (var name in s_classAndId)
            {
                var cues = _tree.RawAttribute(node, name);
                if (cues.Contains("article-body", StringComparison.OrdinalIgnoreCase) || cues.Contains("story-body", StringComparison.OrdinalIgnoreCase) || cues.Contains("entry-content", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private double LinkDensity(int node) => _text[node] == 0 ? 0 : Math.Min(1, _links[node] / (double)_text[node]);

        private double ClassWeight(int node)
        {
            var weight = 25.0 * HtmlClasses.Score(_tree, node, s_positiveCues, s_negativeCues);
            return _tree.Tag(node) == "article" ? weight + 25 : weight;
        }

        private bool Usable(int node) => IsElement(node) && !_excluded[node];

        private const double Declared = double.MaxValue; // the score of a body declared by its markup

        private readonly List<(int Node, double Score)> _ranked = [];
        private readonly List<int> _leftOut = []; // siblings that the join left out of the chosen root
        private int _best = -1; // the best-scoring container, whose parent (with some siblings) is the root

        /// <summary>How many containers <see cref="FindArticleRoot"/> scored as holding paragraphs.</summary>
        public int Scored => _ranked.Count;

        /// <summary>
        /// The best-scoring containers after the one the root was built around, outside it and not around it, at most
        /// <paramref name="count"/>, best first: where to look when the root gives nothing once cleaned.
        /// </summary>
        public IEnumerable<int> RunnersUp(int count)
        {
            foreach (var sibling in _leftOut)
            {
                _excluded[sibling] = false; // left out of that root, not chrome: each runner-up is read whole
            }

            return _ranked
                .Where(c => c.Score > 0 && _best > 0 && c.Node != _best && !_tree.IsAncestorOf(_best, c.Node) && !_tree.IsAncestorOf(c.Node, _best))
                .OrderByDescending(c => c.Score).ThenBy(c => c.Node)
                .Select(c => c.Node)
                .Take(count)
                .ToList();
        }

        /// <summary>For tuning: the best-scoring containers, best first.</summary>
        public IEnumerable<(int Node, double Score)> Ranking(int count) => _ranked.OrderByDescending(c => c.Score).Take(count);

        /// <summary>The root of the article: articleBody markup, else the best-scoring container and its good or like siblings.</summary>
        public int FindArticleRoot()
        {
            for (var node = 1; node < _tree.Count; node++)
            {
                if (IsElement(node) && _tree.Attribute(node, "itemprop") == "articleBody" && _text[node] > 200)
                {
                    _ranked.Add((node, Declared)); // a declared body is the one candidate tried
                    return node;
                }
            }

            var scores = new Dictionary<int, double>();
            for (var node = 1; node < _tree.Count; node++)
            {
                if (!IsElement(node) || !IsParagraphLike(node) || _text[node] < 25 || !Usable(node))
                {
                    continue;
                }

                var score = 1 + _commas[node] + Math.Min(_text[node] / 100.0, 3);
                var parent = _tree.Parent(node);
                if (parent <= 0)
                {
                    continue;
                }

                scores[parent] = scores.GetValueOrDefault(parent) + score;
                var grandparent = _tree.Parent(parent);
                if (grandparent > 0)
                {
                    scores[grandparent] = scores.GetValueOrDefault(grandparent) + (score / 2);
                }
            }

            var best = -1;
            var bestScore = double.MinValue;
            _ranked.Clear();
            foreach (var (node, raw) in scores)
            {
                var score = (raw * (1 - LinkDensity(node))) + ClassWeight(node);
                _ranked.Add((node, score));
                if (score > bestScore || (score == bestScore && node < best))
                {
                    best = node;
                    bestScore = score;
                }
            }

            _best = best;
            var body = _tree.First("body");
            if (best < 0)
            {
                return body >= 0 ? body : 0;
            }

            var container = _tree.Parent(best);
            if (container <= 0)
            {
                return best;
            }

            // Keep good siblings (Readability's sibling join), and like parts of a body split over repeated containers.
            var threshold = Math.Max(10, bestScore * 0.2);
            var bestClass = _tree.Attribute(best, "class");
            foreach (var sibling in _tree.Children(container))
            {
                if (sibling == best || !IsElement(sibling) || _excluded[sibling])
                {
                    continue;
                }

                var siblingScore = scores.TryGetValue(sibling, out var s) ? (s * (1 - LinkDensity(sibling))) + ClassWeight(sibling) : 0;
                var goodParagraph = _tree.Tag(sibling) == "p" && _text[sibling] > 80 && LinkDensity(sibling) < 0.25;

                // A lead set apart before the body ("summary", "standfirst", "intro") belongs to the article.
                var lead = sibling < best && _text[sibling] > 80 && LinkDensity(sibling) < 0.25 && HtmlClasses.Score(_tree, sibling, s_leadCues, s_none) > 0;
                goodParagraph |= lead;
                var samePart = _tree.Tag(sibling) == _tree.Tag(best) && _tree.Attribute(sibling, "class") == bestClass && _text[sibling] >= 40 && LinkDensity(sibling) < 0.3;
                if (siblingScore < threshold && !goodParagraph && !samePart)
                {
                    _excluded[sibling] = true;
                    _leftOut.Add(sibling);
                }
            }

            return RepeatedParts(container) ?? container;
        }

        /// <summary>
        /// Widens the root to the ancestor that holds the most prose against the rest of its text (links, menus, short
        /// lines), counted at <see cref="OtherTextWeight"/>: a body split over neighbouring containers is read whole. A
        /// chrome-looking element that holds prose (comments, an author's box) counts as chrome here unless the best
        /// container is in it, and stays out of the wider root. When the root widens, the siblings the join left out
        /// come back. A body declared by its markup (itemprop="articleBody") is not widened.
        /// </summary>
        public int Widen(int root)
        {
            if (_ranked is [(_, Declared)])
            {
                return root; // a body declared by its markup is taken as declared
            }

            var core = _best > 0 && _tree.IsAncestorOf(root, _best) ? _best : root;
            for (var node = 1; node < _tree.Count; node++)
            {
                if (_cued[node] && !_excluded[node] && node != core && !_tree.IsAncestorOf(node, core) && !_tree.IsAncestorOf(core, node))
                {
                    _excluded[node] = true;
                }
            }

            var (text, prose) = UsableText();
            double Weight(int node) => prose[node] - (OtherTextWeight * (text[node] - prose[node]));
            var widest = root;
            for (var up = _tree.Parent(root); up > 0; up = _tree.Parent(up))
            {
                if (Weight(up) > Weight(widest))
                {
                    widest = up;
                }
            }

            if (widest != root)
            {
                foreach (var sibling in _leftOut)
                {
                    _excluded[sibling] = false;
                }
            }

            return widest;
        }

        /// <summary>Per node, the characters of text and of prose paragraphs below it, leaving out what is excluded.</summary>
        private (int[] Text, int[] Prose) UsableText()
        {
            var n = _tree.Count;
            var text = new int[n];
            var links = new int[n];
            var prose = new int[n];
            for (var node = n - 1; node > 0; node--)
            {
                var tag = _tree.Tag(node);
                if (tag is null)
                {
                    text[node] = _tree.RawText(node).Trim().Length;
                }
                else if (_excluded[node])
                {
                    continue;
                }
                else
                {
                    links[node] = tag == "a" ? text[node] : links[node];
                    prose[node] = IsProseParagraph(node, text[node], links[node]) ? text[node] : prose[node];
                }

                var parent = _tree.Parent(node);
                if (parent > 0)
                {
                    text[parent] += text[node];
                    links[parent] += links[node];
                    prose[parent] += prose[node];
                }
            }

            return (text, prose);
        }

        /// <summary>
        /// When the container, or a wrapper a few levels above it, is one of several like siblings (one card or chunk
        /// per paragraph, or body sections split by figures), their parent is the article, keeping only those parts.
        /// Above the container a like sibling must also hold a part shaped like the container itself.
        /// </summary>
        private int? RepeatedParts(int container)
        {
            var tag = _tree.Tag(container);
            var cls = _tree.Attribute(container, "class");
            if (tag is "body" or "html" || string.IsNullOrEmpty(cls))
            {
                return null;
            }

            var part = container;
            for (var level = 0; level < 4; level++)
            {
                var parent = _tree.Parent(part);
                var partTag = _tree.Tag(part);
                if (parent <= 0 || partTag is "body" or "html")
                {
                    return null;
                }

                var partClass = _tree.Attribute(part, "class");
                var parts = _tree.Children(parent)
                    .Where(e => e != part && IsElement(e) && !_excluded[e] && _tree.Tag(e) == partTag && _tree.Attribute(e, "class") == partClass)
                    .Where(e => level == 0 ? _text[e] >= 40 && LinkDensity(e) < 0.3 : HoldsLikePart(e, tag!, cls))
                    .ToHashSet();
                if (parts.Count > 0)
                {
                    foreach (var child in _tree.Children(parent))
                    {
                        if (child != part && !parts.Contains(child))
                        {
                            _excluded[child] = true;
                        }
                    }

                    return parent;
                }

                if (_tree.Children(parent).Count(c => IsElement(c) && _text[c] > 0) > 1)
                {
                    return null; // the wrapper has other content beside this part: climbing further would guess
                }

                part = parent;
            }

            return null;
        }

        private bool HoldsLikePart(int wrapper, string tag, string cls)
        {
            foreach (var node in _tree.Descendants(wrapper))
            {
                if (IsElement(node) && _tree.Tag(node) == tag && _tree.Attribute(node, "class") == cls && _text[node] >= 40 && LinkDensity(node) < 0.3)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The text blocks under the root in document order: block elements and &lt;br&gt; end a block.</summary>
        public List<Block> Blocks(int root) => Blocks(root, owners: null);

        /// <param name="root">Where the walk starts.</param>
        /// <param name="owners">
        /// When given, the walk also goes through chrome (not dropped tags such as scripts, nor chrome inside a line of
        /// text), and the innermost block element around each block is recorded here.
        /// </param>
        private List<Block> Blocks(int root, List<int>? owners)
        {
            var blocks = new List<Block>();
            var owner = root;
            var buffer = new StringBuilder();
            var linkChars = 0;
            var items = 0; // list items open around the walk
            var level = 0; // the heading (h1 to h6) open around the walk
            Walk(root, inLink: false);
            Flush();
            return blocks;

            void Walk(int node, bool inLink)
            {
                for (var child = _tree.FirstChild(node); child >= 0; child = _tree.NextSibling(child))
                {
                    var tag = _tree.Tag(child);
                    if (tag is null)
                    {
                        var before = buffer.Length;
                        var raw = _tree.RawText(child);
                        AppendCollapsed(buffer, raw.Contains('&') ? _tree.Text(child) : raw);
                        if (inLink)
                        {
                            linkChars += buffer.Length - before;
                        }

                        continue;
                    }

                    if (owners is null ? _excluded[child] : s_dropped.Contains(tag) || (_chrome[child] && !_chrome[node] && !s_blocks.Contains(tag)))
                    {
                        continue;
                    }

                    var isBlock = s_blocks.Contains(tag);
                    if (isBlock)
                    {
                        Flush();
                    }
                    else if (tag is "td" or "th" && buffer.Length > 0 && buffer[^1] != ' ')
                    {
                        buffer.Append(' '); // a table row reads as one line, its cells apart
                    }

                    items += tag == "li" ? 1 : 0;
                    var outer = level;
                    level = tag is ['h', >= '1' and <= '6'] ? tag[1] - '0' : level;
                    var outerOwner = owner;
                    owner = isBlock ? child : owner;
                    Walk(child, inLink || tag == "a");
                    if (isBlock)
                    {
                        Flush();
                    }

                    owner = outerOwner;
                    level = outer;

                    items -= tag == "li" ? 1 : 0;
                }
            }

            void Flush()
            {
                var text = buffer.ToString().Trim();
                if (text.Length > 0)
                {
                    blocks.Add(new Block(text, linkChars, items > 0, level));
                    owners?.Add(owner);
                }

                buffer.Clear();
                linkChars = 0;
            }
        }

        private static void AppendCollapsed(StringBuilder buffer, ReadOnlySpan<char> text)
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
}
