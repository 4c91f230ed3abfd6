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
            foreach (var range in value.SplitAny(" -_\t\n"))
            {
                var token = value[range];
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
}
