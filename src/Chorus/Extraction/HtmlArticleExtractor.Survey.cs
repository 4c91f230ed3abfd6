using Chorus.Extraction.Html;

namespace Chorus.Extraction;

internal static partial class HtmlArticleExtractor
{
    /// <summary>One block of the whole page and what the block model reads of it (<see cref="BlockFeatures.Names"/>).</summary>
    internal sealed record SurveyedBlock(string Text, float[] Features);

    private sealed partial class Page
    {
        private static readonly HashSet<string> s_chromeTags = new(StringComparer.Ordinal) { "nav", "footer", "aside", "form", "menu", "header" };

        /// <summary>
        /// Every block of the page's body, chrome included, each with where it sits against the rules' choice: in the
        /// root, kept once cleaned (<paramref name="kept"/>, a subsequence of the root's blocks), near the kept text,
        /// under chrome-looking markup; and its own shape: length, links, sentence marks. <paramref name="aligned"/> says
        /// whether every kept block was found among the page's: a chrome element inside a paragraph splits it here, where
        /// the rules read it whole.
        /// </summary>
        public List<SurveyedBlock> Survey(int root, IReadOnlyList<string> kept, string? title, out bool aligned)
        {
            var body = _tree.First("body");
            var start = body >= 0 ? body : 0;
            var owners = new List<int>();
            var blocks = Blocks(start, owners);
            var count = blocks.Count;

            bool InRoot(int node) => node == root || _tree.IsAncestorOf(root, node);
            var isKept = new bool[count];
            var matched = 0;
            for (var i = 0; i < count && matched < kept.Count; i++)
            {
                if (blocks[i].Text == kept[matched] && InRoot(owners[i]))
                {
                    isKept[i] = true;
                    matched++;
                }
            }

            aligned = matched == kept.Count;

            var prose = blocks.Select(b => ParagraphCleaner.IsProse(b.Text)).ToArray();
            var first = Array.IndexOf(isKept, true);
            var last = Array.LastIndexOf(isKept, true);
            var keptChars = kept.Sum(k => k.Length);
            var allChars = Math.Max(1, blocks.Sum(b => b.Text.Length));
            var titleKey = Text.TextKey.Hash(title);
            var heading = _tree.First("h1", start);
            var seen = new HashSet<ulong>();
            var lineages = new Dictionary<int, Lineage>();
            var likeCounts = new Dictionary<int, Dictionary<(string?, string), int>>();
            var bestDepth = _best > 0 ? Depth(_best) : 0;

            var surveyed = new List<SurveyedBlock>(count);
            for (var i = 0; i < count; i++)
            {
                var block = blocks[i];
                var owner = owners[i];
                var text = block.Text;
                var key = Text.TextKey.Hash(text);
                var (negative, positive, chromeTag, inArticle, cued, figure, linked) = Ancestry(owner, lineages);
                var nearest = NearestKept(isKept, i);
                var f = new float[BlockFeatures.Names.Count];
                f[BlockFeatures.KeptByTheRules] = isKept[i] ? 1 : 0;
                f[1] = InRoot(owner) ? 1 : 0;
                f[2] = _best > 0 && (owner == _best || _tree.IsAncestorOf(_best, owner)) ? 1 : 0;
                f[3] = _chrome[owner] ? 1 : 0;
                f[4] = cued ? 1 : 0;
                f[5] = chromeTag ? 1 : 0;
                f[6] = inArticle ? 1 : 0;
                f[7] = heading < 0 ? -1 : owner > heading && !_tree.IsAncestorOf(owner, heading) ? 1 : 0;
                f[8] = text.Length;
                f[9] = Chorus.Text.Tokenizer.CountWords(text, atMost: 1000);
                f[10] = Math.Min(1, block.LinkChars / (float)text.Length);
                f[11] = prose[i] ? 1 : 0;
                f[12] = Per100(text, c => c is '.' or '!' or '?' or '…');
                f[13] = Per100(text, c => c is ',' or ';');
                f[14] = Per100(text, char.IsDigit);
                f[15] = Per100(text, char.IsUpper);
                f[16] = block.ListItem ? 1 : 0;
                f[17] = block.HeadingLevel;
                f[18] = OwnerKind(owner);
                f[19] = i / (float)count;
                f[20] = first < 0 ? 2 : i < first ? -1 : i > last ? 1 : 0;
                f[21] = nearest;
                f[22] = i > 0 && isKept[i - 1] ? 1 : 0;
                f[23] = i + 1 < count && isKept[i + 1] ? 1 : 0;
                f[BlockFeatures.IsAChromeLine] = ChromeLineClassifier.IsChrome(text) ? 1 : 0;
                f[25] = ChromeLineClassifier.IsClosingChrome(text) ? 1 : 0;
                f[26] = seen.Add(key) ? 0 : 1;
                f[BlockFeatures.IsTheTitle] = key == titleKey ? 1 : 0;
                f[28] = keptChars / (float)allChars;
                f[29] = (float)Math.Log10(1 + keptChars);
                f[30] = negative;
                f[31] = positive;
                f[32] = _best > 0 ? LevelsToCommonAncestor(_best, owner) : -1;
                f[33] = _best > 0 ? Depth(owner) - bestDepth : 0;
                f[34] = figure ? 1 : 0;
                f[35] = linked ? 1 : 0;
                f[36] = LikeSiblings(owner, likeCounts);
                f[37] = nearest == 99 ? -1 : LevelsToCommonAncestor(owner, owners[NearestKeptIndex(isKept, i, nearest)]);
                f[38] = (float)Math.Log10(1 + CharsBetween(blocks, isKept, i, nearest));
                f[39] = CapitalisedWords(text);
                var parent = Math.Max(0, _tree.Parent(owner));
                f[40] = (float)LinkDensity(parent);
                f[41] = (float)LinkDensity(Math.Max(0, _tree.Parent(parent)));
                f[42] = (float)Math.Log10(count);
                f[43] = i > 0 ? (float)Math.Log10(1 + blocks[i - 1].Text.Length) : 0;
                f[44] = i + 1 < count ? (float)Math.Log10(1 + blocks[i + 1].Text.Length) : 0;
                f[45] = i > 0 && prose[i - 1] ? 1 : 0;
                f[46] = i + 1 < count && prose[i + 1] ? 1 : 0;
                f[47] = ProseAround(prose, i, 3);
                f[48] = i > 0 ? blocks[i - 1].LinkChars / (float)blocks[i - 1].Text.Length : 0;
                f[49] = i + 1 < count ? blocks[i + 1].LinkChars / (float)blocks[i + 1].Text.Length : 0;
                f[50] = LanguageGuesser.FunctionWordShare(text);
                surveyed.Add(new SurveyedBlock(text, f));
            }

            return surveyed;
        }

        private static float Per100(string text, Func<char, bool> counted)
        {
            var hits = 0;
            foreach (var c in text)
            {
                hits += counted(c) ? 1 : 0;
            }

            return 100f * hits / text.Length;
        }

        /// <summary>How many blocks away the nearest kept block is (0 for a kept block; 99 when nothing is kept).</summary>
        private static int NearestKept(bool[] kept, int at)
        {
            for (var distance = 0; distance < 99; distance++)
            {
                if ((at - distance >= 0 && kept[at - distance]) || (at + distance < kept.Length && kept[at + distance]))
                {
                    return distance;
                }
            }

            return 99;
        }

        /// <summary>The share of prose among the blocks up to <paramref name="reach"/> away on either side (the block itself not counted).</summary>
        private static float ProseAround(bool[] prose, int at, int reach)
        {
            int seen = 0, found = 0;
            for (var i = Math.Max(0, at - reach); i <= Math.Min(prose.Length - 1, at + reach); i++)
            {
                if (i != at)
                {
                    seen++;
                    found += prose[i] ? 1 : 0;
                }
            }

            return seen == 0 ? 0 : found / (float)seen;
        }

        /// <summary>The index of a kept block <paramref name="distance"/> blocks away, the earlier one first.</summary>
        private static int NearestKeptIndex(bool[] kept, int at, int distance) => at - distance >= 0 && kept[at - distance] ? at - distance : at + distance;

        /// <summary>The characters of the blocks between a block and the nearest kept one.</summary>
        private static int CharsBetween(List<Block> blocks, bool[] kept, int at, int distance)
        {
            if (distance is 0 or 99)
            {
                return 0;
            }

            var other = NearestKeptIndex(kept, at, distance);
            var chars = 0;
            for (var i = Math.Min(at, other) + 1; i < Math.Max(at, other); i++)
            {
                chars += blocks[i].Text.Length;
            }

            return chars;
        }

        /// <summary>The share of words that open with a capital (headlines in title case, names, menus).</summary>
        private static float CapitalisedWords(string text)
        {
            int words = 0, capitalised = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsLetter(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
                {
                    words++;
                    capitalised += char.IsUpper(text[i]) ? 1 : 0;
                }
            }

            return words == 0 ? 0 : capitalised / (float)words;
        }

        /// <summary>The most siblings of like tag and class that the block's element, or one of its three nearest ancestors, has (cards, teasers).</summary>
        private int LikeSiblings(int node, Dictionary<int, Dictionary<(string?, string), int>> counts)
        {
            var most = 0;
            for (var (up, level) = (node, 0); up > 0 && level < 4; up = _tree.Parent(up), level++)
            {
                var parent = _tree.Parent(up);
                if (parent < 0)
                {
                    break;
                }

                if (!counts.TryGetValue(parent, out var children))
                {
                    children = [];
                    foreach (var child in _tree.Children(parent))
                    {
                        if (!_tree.IsText(child))
                        {
                            var key = (_tree.Tag(child), _tree.Attribute(child, "class") ?? "");
                            children[key] = children.GetValueOrDefault(key) + 1;
                        }
                    }

                    counts[parent] = children;
                }

                most = Math.Max(most, Math.Min(50, children.GetValueOrDefault((_tree.Tag(up), _tree.Attribute(up, "class") ?? "")) - 1));
            }

            return most;
        }

        private float OwnerKind(int node) => _tree.Tag(node) switch
        {
            "p" => 1,
            "div" => 2,
            "li" => 3,
            "td" or "th" => 4,
            ['h', >= '1' and <= '6'] => 5,
            "blockquote" => 6,
            "pre" => 7,
            "dd" or "dt" => 8,
            "section" or "article" or "main" => 9,
            "header" or "footer" or "nav" or "aside" => 10,
            "body" => 11,
            _ => 0,
        };

        private int Depth(int node)
        {
            var depth = 0;
            for (var up = node; up > 0; up = _tree.Parent(up))
            {
                depth++;
            }

            return depth;
        }

        /// <summary>How many levels above <paramref name="from"/> its lowest common ancestor with <paramref name="node"/> is.</summary>
        private int LevelsToCommonAncestor(int from, int node)
        {
            var levels = 0;
            for (var up = from; up > 0; up = _tree.Parent(up), levels++)
            {
                if (up == node || _tree.IsAncestorOf(up, node))
                {
                    return levels;
                }
            }

            return levels;
        }

        /// <summary>What a node and its ancestors say of it: chrome and content class cues, chrome tags, article markup, chrome-looking elements.</summary>
        private readonly record struct Lineage(int Negative, int Positive, bool ChromeTag, bool InArticle, bool Cued, bool Figure, bool Linked);

        /// <summary>The node's <see cref="Lineage"/>, built on its parent's (each node's read once per page).</summary>
        private Lineage Ancestry(int node, Dictionary<int, Lineage> known)
        {
            if (node <= 0)
            {
                return default;
            }

            if (known.TryGetValue(node, out var lineage))
            {
                return lineage;
            }

            var above = Ancestry(_tree.Parent(node), known);
            var score = HtmlClasses.Score(_tree, node, s_positiveCues, s_negativeCues);
            var tag = _tree.Tag(node);
            lineage = new Lineage(
                above.Negative + (score < 0 ? 1 : 0),
                above.Positive + (score > 0 ? 1 : 0),
                above.ChromeTag || s_chromeTags.Contains(tag!),
                above.InArticle || tag is "article" or "main" || _tree.RawAttribute(node, "itemprop").SequenceEqual("articleBody"),
                above.Cued || _cued[node],
                above.Figure || tag is "figure" or "figcaption" or "caption",
                above.Linked || tag == "a");
            known[node] = lineage;
            return lineage;
        }
    }
}
