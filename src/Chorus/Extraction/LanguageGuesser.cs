namespace Chorus.Extraction;

/// <summary>
/// Guesses a text's language (ISO 639-1) from its most frequent function words.
/// Good enough to route text; a page's own declaration wins when present.
/// </summary>
public static class LanguageGuesser
{
    // Function words per language, space-separated: the words only build the index below, the codes name the guess.
    private static readonly (string Code, string Words)[] s_profiles =
    [
        ("en", "the of and to in is that for it was on with as by at from his her said have has are were be this an which"),
        ("de", "der die und das ist nicht mit den von zu ein eine auf dem des sich im für sie auch es wurde bei"),
        ("fr", "le la les des est et une un du dans que pour qui pas sur au avec il elle ont sont été par"),
        ("es", "el la los las de que y en un una es por con para del se su al lo como más fue ha"),
        ("it", "il la di che e un una per non con del della sono è gli le nel alla anche ha ma"),
        ("nl", "de het een en van is dat op te in niet met voor zijn er aan ook bij als werd"),
        ("pt", "o a os as de que e do da em um uma para com não por mais foi se ao dos"),
    ];

    /// <summary>Each function word with the languages it belongs to, as bits: one lookup per word instead of one per language.</summary>
    private static readonly Dictionary<string, int> s_languagesOf = Index();

    public static string? Guess(string text) => Guess(text, out _);

    /// <summary>The language, and whether the evidence is strong: 50+ words and three times the runner-up's hits.</summary>
    public static string? Guess(string text, out bool confident)
    {
        confident = false;
        var counts = new int[s_profiles.Length];
        var total = 0;
        var lookup = s_languagesOf.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in Chorus.Text.Tokenizer.WordRanges(text, limit: 400))
        {
            total++;
            if (lookup.TryGetValue(text.AsSpan(range), out var languages))
            {
                for (var i = 0; i < s_profiles.Length; i++)
                {
                    counts[i] += (languages >> i) & 1;
                }
            }
        }

        var best = -1;
        for (var i = 0; i < counts.Length; i++)
        {
            if (best < 0 || counts[i] > counts[best])
            {
                best = i;
            }
        }

        var second = counts.Where((_, i) => i != best).DefaultIfEmpty(0).Max();
        confident = total >= 50 && counts[best] >= 3 * Math.Max(1, second);
        return total >= 5 && counts[best] * 10 >= total ? s_profiles[best].Code : null;
    }

    /// <summary>
    /// The share of a text's words (the first 400) that are function words of any language known here: running prose
    /// is thick with them, menus, labels and headlines are not.
    /// </summary>
    public static float FunctionWordShare(string text)
    {
        var lookup = s_languagesOf.GetAlternateLookup<ReadOnlySpan<char>>();
        int total = 0, function = 0;
        foreach (var range in Chorus.Text.Tokenizer.WordRanges(text, limit: 400))
        {
            total++;
            function += lookup.ContainsKey(text.AsSpan(range)) ? 1 : 0;
        }

        return total == 0 ? 0 : function / (float)total;
    }

    private static Dictionary<string, int> Index()
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < s_profiles.Length; i++)
        {
            foreach (var word in s_profiles[i].Words.Split(' '))
            {
                index[word] = index.GetValueOrDefault(word) | (1 << i);
            }
        }

        return index;
    }
}
