using System.Globalization;
using System.Text;

namespace Chorus.Facts;

/// <summary>
/// Decides whether two spellings name the same person: transliteration folds (Sergei/Sergey/Sergej,
/// Walenko/Valenko), given-name variants (Anthony/Antony, Tom/Thomas) and one- or two-letter garbles of a surname.
/// Two full names with clearly different given names never match, even with the same surname.
/// </summary>
public static class NameMatcher
{
    private static readonly string[][] s_variants =
    [
        ["anthony", "antony", "anton", "antonio"], ["alexei", "alexey", "aleksei", "aleksey", "alexej", "aleksej"],
        ["yevgeny", "evgeny", "evgeni", "yevgeni", "jewgeni", "eugene"], ["mikhail", "michail", "mihail", "michael"],
        ["dmitry", "dmitri", "dmitrij"], ["yuri", "yury", "juri", "jurij", "iouri"], ["catherine", "katherine", "kathryn", "katharina", "ekaterina", "yekaterina"],
        ["stephen", "steven", "stefan", "stephan"], ["mohammed", "muhammad", "mohamed", "mohammad", "muhammed"], ["jon", "john", "johan", "johann", "jan"],
        ["peter", "pyotr", "petr", "piotr", "pietro"], ["nicholas", "nikolai", "nikolay", "nicolas", "nikolaus"], ["sergei", "sergey", "sergej", "serge", "sergiy", "serhiy"],
    ];

    /// <summary>Short forms of English given names (Tom Welch is Thomas Welch): another name, not another spelling.</summary>
    private static readonly string[][] s_shortForms =
    [
        ["thomas", "tom", "tommy"], ["william", "bill", "billy", "will", "willie"], ["robert", "bob", "bobby", "rob"], ["richard", "dick", "rick", "rich"],
        ["james", "jim", "jimmy", "jamie"], ["michael", "mike", "mick"], ["david", "dave"], ["joseph", "joe", "joey"], ["charles", "chuck", "charlie"],
        ["edward", "ed", "eddie", "ted", "ned"], ["daniel", "dan", "danny"], ["benjamin", "ben"], ["kenneth", "ken", "kenny"], ["lawrence", "larry"],
        ["ronald", "ron", "ronnie"], ["donald", "don"], ["samuel", "sam"], ["patrick", "pat"], ["timothy", "tim"], ["andrew", "andy"],
        ["christopher", "chris"], ["jonathan", "jon"], ["gerald", "gerry", "jerry"], ["elizabeth", "liz", "beth", "betty"], ["margaret", "maggie", "peggy"],
        ["katherine", "kate", "kathy"], ["susan", "sue"], ["patricia", "patty", "pat"], ["alexander", "alex"], ["frederick", "fred"], ["stephen", "steve"],
    ];

    public static bool SamePerson(string a, string b)
    {
        var x = Words(a);
        var y = Words(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return false;
        }

        if (!SameSurname(x[^1], y[^1]))
        {
            return false;
        }

        if (x.Length == 1 || y.Length == 1)
        {
            return true; // a surname alone fits any full name with that surname; the caller resolves ambiguity
        }

        return CompatibleGivenNames(x[0], y[0]);
    }

    /// <summary>
    /// The first letter of the name's surname key: two names <see cref="SamePerson"/> can match only when it is the
    /// same, so callers may look among those alone. '\0' when the name has no words.
    /// </summary>
    public static char SurnameInitial(string name)
    {
        var words = Words(name);
        return words.Length == 0 ? '\0' : SurnameKeyInitial(words[^1]);
    }

    /// <summary>The first letter of a surname's key: <see cref="SameSurname"/> is false when it differs. '\0' for none.</summary>
    public static char SurnameKeyInitial(string surname) => SurnameKey(surname) is { Length: > 0 } key ? key[0] : '\0';

    public static bool SameSurname(string a, string b)
    {
        var x = SurnameKey(a);
        var y = SurnameKey(b);
        if (x == y)
        {
            return true;
        }

        var longest = Math.Max(x.Length, y.Length);
        var allowed = longest >= 8 ? 2 : longest >= 5 ? 1 : 0;
        return allowed > 0 && x[0] == y[0] && Distance(x, y) <= allowed;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_surnameKeys = new(StringComparer.Ordinal);

    /// <summary>A surname folded and devoiced, remembered: a story compares the same names many times.</summary>
    public static string SurnameKey(string name)
    {
        if (s_surnameKeys.TryGetValue(name, out var key))
        {
            return key;
        }

        key = Voiceless(Fold(name));
        if (s_surnameKeys.Count < 100_000)
        {
            s_surnameKeys.TryAdd(name, key);
        }

        return key;
    }

    public static bool CompatibleGivenNames(string a, string b)
    {
        var x = Fold(a.TrimEnd('.'));
        var y = Fold(b.TrimEnd('.'));
        if (x == y || (x.Length == 1 && y.StartsWith(x, StringComparison.Ordinal)) || (y.Length == 1 && x.StartsWith(y, StringComparison.Ordinal)))
        {
            return true;
        }

        var la = a.ToLowerInvariant();
        var lb = b.ToLowerInvariant();
        if (s_variants.Any(group => group.Contains(la) && group.Contains(lb)) || IsShortFormOf(la, lb))
        {
            return true;
        }

        return x.Length >= 4 && y.Length >= 4 && x[0] == y[0] && Distance(x, y) <= 1;
    }

    /// <summary>Whether one given name is a short form of the other or both of one name ("Bill" and "William").</summary>
    public static bool IsShortFormOf(string a, string b)
    {
        var la = a.ToLowerInvariant();
        var lb = b.ToLowerInvariant();
        return s_shortForms.Any(group => group.Contains(la) && group.Contains(lb));
    }

    /// <summary>Lower case without accents, with common transliteration differences folded.</summary>
    public static string Fold(string name)
    {
        var decomposed = name.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsLetter(c))
            {
                builder.Append(c);
            }
        }

        var s = builder.ToString()
            .Replace("ey", "ei", StringComparison.Ordinal).Replace("ej", "ei", StringComparison.Ordinal)
            .Replace("iy", "i", StringComparison.Ordinal).Replace("kh", "h", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal).Replace("ck", "k", StringComparison.Ordinal)
            .Replace("th", "t", StringComparison.Ordinal).Replace("ks", "x", StringComparison.Ordinal);
        var folded = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            var d = c switch { 'w' => 'v', 'c' => 'k', 'y' => 'i', 'j' => 'i', _ => c };
            if (folded.Length == 0 || folded[^1] != d)
            {
                folded.Append(d);
            }
        }

        return folded.ToString();
    }

    /// <summary>Folds voiced and voiceless pairs (b/p, g/k, d/t, v/f, z/s), which translation and OCR garbles swap.</summary>
    private static string Voiceless(string folded) =>
        string.Create(folded.Length, folded, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch { 'b' => 'p', 'g' => 'k', 'd' => 't', 'v' => 'f', 'z' => 's', var c => c };
            }
        });

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b) => Distance(a.AsSpan(), b.AsSpan());

    /// <summary>Levenshtein distance between two sequences: of characters, or of words ("keeps boats" and "keeps the boats" are 1 apart).</summary>
    public static int Distance<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : IEquatable<T>
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1].Equals(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The words of a name without particles and suffixes ("van", "al", "Jr."), except a capitalised first word,
    /// which is a given name: "Al Varga" is not "Varga" alone, while "de Gaulle" is.
    /// </summary>
    private static string[] Words(string name) =>
        name.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)
            .Where((w, i) => (i == 0 && char.IsUpper(w[0]) && w.ToLowerInvariant() is not ("jr" or "jr." or "sr" or "sr."))
                || w.ToLowerInvariant() is not ("van" or "von" or "de" or "der" or "da" or "di" or "al" or "bin" or "jr" or "jr." or "sr" or "sr."))
            .ToArray();
}
