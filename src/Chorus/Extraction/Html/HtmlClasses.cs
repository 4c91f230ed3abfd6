namespace Chorus.Extraction.Html;

/// <summary>
/// Reads an element's class, id and role as cue tokens ("article-body" gives "article" and "body"), matched
/// case-insensitively against word sets without allocating.
/// </summary>
internal static class HtmlClasses
{
    private static readonly string[] s_cueAttributes = ["class", "id", "role"];

    public static HashSet<string> Words(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    /// <summary>True when a whole class name (split on spaces only) is in the set.</summary>
    public static bool HasClass(HtmlTree tree, int node, HashSet<string> classes)
    {
        var lookup = classes.GetAlternateLookup<ReadOnlySpan<char>>();
        var value = tree.RawAttribute(node, "class");
        foreach (var range in value.SplitAny(" \t\n"))
        {
            if (lookup.Contains(value[range]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sum of +positive / -negative over the cue tokens of class, id and role; stops early when asked for any hit.</summary>
    public static int Score(HtmlTree tree, int node, HashSet<string> positive, HashSet<string> negative, bool stopAtFirstNegative = false)
    {
        var good = positive.GetAlternateLookup<ReadOnlySpan<char>>();
        var bad = negative.GetAlternateLookup<ReadOnlySpan<char>>();
        var score = 0;
        foreach (var name in s_cueAttributes)
        {
            var value = tree.RawAttribute(node, name);
            var skipTo = -1; // the end of a taxonomy class being skipped
            foreach (var range in value.SplitAny(" -_\t\n"))
            {
                var token = value[range];
                var start = range.Start.GetOffset(value.Length);
                if (start < skipTo)
                {
                    continue;
                }

                if (IsTaxonomy(value, range))
                {
                    var end = value[start..].IndexOfAny(" \t\n");
                    skipTo = end < 0 ? value.Length : start + end;
                    continue;
                }

                if (token.IsEmpty)
                {
                    continue;
                }

                if (good.Contains(token))
                {
                    score++;
                }
                else if (bad.Contains(token))
                {
                    score--;
                    if (stopAtFirstNegative)
                    {
                        return score;
                    }
                }
            }
        }

        return score;
    }

    private static readonly HashSet<string> s_taxonomies = Words("tag tags category categories cat topic");

    /// <summary>
    /// A CMS taxonomy class ("tag-comment", "category-sidebar"): a taxonomy word opening a class name and followed by a
    /// dash names a tag or category of the post, not the element's role.
    /// </summary>
    private static bool IsTaxonomy(ReadOnlySpan<char> value, Range range)
    {
        var (start, length) = range.GetOffsetAndLength(value.Length);
        var opensName = start == 0 || value[start - 1] is ' ' or '\t' or '\n';
        return opensName && start + length < value.Length && value[start + length] == '-'
            && s_taxonomies.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value.Slice(start, length));
    }
}
