namespace Chorus.Extraction.Html;

/// <summary>Reads an element's class and id as cue tokens ("article-body" gives "article" and "body").</summary>
internal static class HtmlClasses
{
    private static readonly string[] s_cueAttributes = ["class", "id", "role"];

    public static bool HasAny(HtmlTree tree, int node, params string[] classes)
    {
        var value = tree.Attribute(node, "class");
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var token in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Array.IndexOf(classes, token) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lower-case tokens of class, id and role, split on spaces, hyphens and underscores.</summary>
    public static IEnumerable<string> CueTokens(HtmlTree tree, int node)
    {
        foreach (var name in s_cueAttributes)
        {
            if (tree.Attribute(node, name) is { Length: > 0 } value)
            {
                foreach (var token in value.ToLowerInvariant().Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return token;
                }
            }
        }
    }
}
