namespace Chorus.Extraction;

/// <summary>
/// Keeps the article paragraphs of a page and drops chrome, using each block's own shape
/// (<see cref="ChromeLineClassifier"/>) and its context: a repeated title or site name,
/// a repeated block, and short non-sentences before the first or after the last paragraph of prose.
/// </summary>
internal static class ParagraphCleaner
{
    /// <param name="blocks">The page's blocks in order.</param>
    /// <param name="title">The title, whose repetitions in the body are dropped.</param>
    /// <param name="site">The site name, likewise.</param>
    /// <param name="trimEdges">Drop non-prose before the first and after the last paragraph of prose (for pages without structure).</param>
    /// <param name="longestRepeat">Repeated blocks up to this length are dropped as chrome; longer repeats are content (recipes, tables).</param>
    public static (List<string> Kept, int Removed) Clean(IReadOnlyList<string> blocks, string? title, string? site, bool trimEdges = true, int longestRepeat = int.MaxValue)
    {
        var seen = new HashSet<ulong>();
        var titleKey = Key(title);
        var siteKey = Key(site);
        var kept = new List<string>(blocks.Count);
        foreach (var block in blocks)
        {
            var text = block.Trim();
            var key = Key(text);
            if (key == 0 || ChromeLineClassifier.IsChrome(text) || key == titleKey || key == siteKey || (!seen.Add(key) && text.Length <= longestRepeat))
            {
                continue;
            }

            kept.Add(text);
        }

        WithoutClosingChrome(kept);
        if (!trimEdges)
        {
            return (kept, blocks.Count - kept.Count);
        }

        var first = kept.FindIndex(IsProse);
        var last = kept.FindLastIndex(IsProse);
        var result = first < 0 ? kept : kept.GetRange(first, last - first + 1);
        return (result, blocks.Count - result.Count);
    }

    /// <summary>
    /// Drops the credits, calls to action and company boilerplate that close the text: at most three blocks, and
    /// never the only one left.
    /// </summary>
    private static void WithoutClosingChrome(List<string> kept)
    {
        for (var dropped = 0; dropped < 3 && kept.Count > 1 && ChromeLineClassifier.IsClosingChrome(kept[^1]); dropped++)
        {
            kept.RemoveAt(kept.Count - 1);
        }
    }

    /// <summary>A paragraph of prose: a sentence ending and enough words.</summary>
    public static bool IsProse(string block)
    {
        var end = block.AsSpan().TrimEnd("\"'”’) ");
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or ':' or '…' && Chorus.Text.Tokenizer.CountWords(block, atMost: 7) >= 7;
    }

    private static ulong Key(string? text) => Chorus.Text.TextKey.Hash(text);
}
