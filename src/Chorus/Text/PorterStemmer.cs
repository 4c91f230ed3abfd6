namespace Chorus.Text;

/// <summary>
/// Martin Porter's 1980 suffix-stripping stemmer for English, in its original form
/// (steps 1a-5b). Input is expected in lower case; words of two letters or fewer are returned unchanged.
/// </summary>
public static class PorterStemmer
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_cache = new(StringComparer.Ordinal);

    /// <summary>The stem of a lower-case word; stems of common words are remembered (a bounded cache).</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 2)
        {
            return word;
        }

        if (s_cache.TryGetValue(word, out var known))
        {
            return known;
        }

        var stem = Compute(word);
        if (s_cache.Count < 200_000)
        {
            s_cache.TryAdd(word, stem);
        }

        return stem;
    }

    /// <summary>The stem of a lower-case word given as characters; a cached stem costs no allocation.</summary>
    public static string Stem(ReadOnlySpan<char> word)
    {
        if (word.Length > 2 && s_cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var known))
        {
            return known;
        }

        return Stem(word.ToString());
    }

    /// <summary>
    /// The stem as the Perl reference implementation used by ROUGE-1.5.5 gives it. The official script's outputs
    /// on DUC 2004 (tests/Chorus.IntegrationTests/Rouge) show one difference from <see cref="Stem(string)"/>:
    /// after removing "-al" in step 4 it removes one more step-4 suffix ("governmental" gives "govern",
    /// "congressional" gives "congress"). Not cached; for scoring, not for the product.
    /// </summary>
    public static string StemAsPerlReference(string word) => word.Length <= 2 ? word : Compute(word, perl: true);

    private static string Compute(string word, bool perl = false)
    {
        var b = word.ToCharArray();
        var k = b.Length - 1;
        k = Step1ab(b, k);
        if (k > 0)
        {
            k = Step1c(b, k);
            k = Step2(b, k);
            k = Step3(b, k);
            var beforeStep4 = k;
            k = Step4(b, k);
            if (perl && beforeStep4 - k == 2 && b[k + 1] == 'a' && b[k + 2] == 'l')
            {
                k = Step4(b, k); // the reference strips again after -al: governmental → govern, congressional → congress
            }

            k = Step5(b, k);
        }

        return new string(b, 0, k + 1);
    }

    private static bool IsConsonant(char[] b, int i) => b[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(b, i - 1),
        _ => true,
    };

    /// <summary>m(), the number of vowel-consonant sequences in b[0..j].</summary>
    private static int Measure(char[] b, int j)
    {
        var n = 0;
        var i = 0;
        while (true)
        {
            if (i > j)
            {
                return n;
            }

            if (!IsConsonant(b, i))
            {
                break;
            }

            i++;
        }

        i++;
        while (true)
        {
            while (true)
            {
                if (i > j)
                {
                    return n;
                }

                if (IsConsonant(b, i))
                {
                    break;
                }

                i++;
            }

            i++;
            n++;
            while (true)
            {
                if (i > j)
                {
                    return n;
                }

                if (!IsConsonant(b, i))
                {
                    break;
                }

                i++;
            }

            i++;
        }
    }

    private static bool VowelInStem(char[] b, int j)
    {
        for (var i = 0; i <= j; i++)
        {
            if (!IsConsonant(b, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DoubleConsonant(char[] b, int j) => j >= 1 && b[j] == b[j - 1] && IsConsonant(b, j);

    /// <summary>cvc(i): consonant-vowel-consonant ending at i, the last not w, x or y.</summary>
    private static bool Cvc(char[] b, int i)
    {
        if (i < 2 || !IsConsonant(b, i) || IsConsonant(b, i - 1) || !IsConsonant(b, i - 2))
        {
            return false;
        }

        return b[i] is not ('w' or 'x' or 'y');
    }

    private static bool Ends(char[] b, int k, string s, out int j)
    {
        j = k - s.Length;
        if (s.Length > k + 1)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (b[k - s.Length + 1 + i] != s[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Replaces b[j+1..k] with s; returns the new k.</summary>
    private static int SetTo(char[] b, int j, string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            b[j + 1 + i] = s[i];
        }

        return j + s.Length;
    }

    private static int Step1ab(char[] b, int k)
    {
        int j;
        if (b[k] == 's')
        {
            if (Ends(b, k, "sses", out j))
            {
                k -= 2;
            }
            else if (Ends(b, k, "ies", out j))
            {
                k = SetTo(b, j, "i");
            }
            else if (b[k - 1] != 's')
            {
                k--;
            }
        }

        if (Ends(b, k, "eed", out j))
        {
            if (Measure(b, j) > 0)
            {
                k--;
            }
        }
        else if ((Ends(b, k, "ed", out j) || Ends(b, k, "ing", out j)) && VowelInStem(b, j))
        {
            k = j;
            if (Ends(b, k, "at", out j))
            {
                k = SetTo(b, j, "ate");
            }
            else if (Ends(b, k, "bl", out j))
            {
                k = SetTo(b, j, "ble");
            }
            else if (Ends(b, k, "iz", out j))
            {
                k = SetTo(b, j, "ize");
            }
            else if (DoubleConsonant(b, k))
            {
                if (b[k] is not ('l' or 's' or 'z'))
                {
                    k--;
                }
            }
            else if (Measure(b, k) == 1 && Cvc(b, k))
            {
                k = SetTo(b, k, "e");
            }
        }

        return k;
    }

    private static int Step1c(char[] b, int k)
    {
        if (Ends(b, k, "y", out var j) && VowelInStem(b, j))
        {
            b[k] = 'i';
        }

        return k;
    }

    private static int Replace(char[] b, int k, (string Suffix, string With)[] rules, int minMeasure)
    {
        foreach (var (suffix, with) in rules)
        {
            if (Ends(b, k, suffix, out var j))
            {
                return Measure(b, j) >= minMeasure ? SetTo(b, j, with) : k;
            }
        }

        return k;
    }

    private static readonly (string, string)[] s_step2 =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    private static int Step2(char[] b, int k)
    {
        if (k < 1)
        {
            return k;
        }

        // Rules are tried in the order of the original's switch on the penultimate letter;
        // at most one suffix can match, so a linear scan keeps the same result.
        return Replace(b, k, s_step2, 1);
    }

    private static readonly (string, string)[] s_step3 =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static int Step3(char[] b, int k) => Replace(b, k, s_step3, 1);

    private static readonly string[] s_step4 =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ];

    private static int Step4(char[] b, int k)
    {
        if (k < 1)
        {
            return k;
        }

        foreach (var suffix in s_step4)
        {
            if (!Ends(b, k, suffix, out var j))
            {
                continue;
            }

            if (suffix == "ion" && !(j >= 0 && b[j] is 's' or 't'))
            {
                continue;
            }

            // "ement", "ment" and "ent" overlap: the original tests the longest first and stops at the first match.
            return Measure(b, j) > 1 ? j : k;
        }

        return k;
    }

    private static int Step5(char[] b, int k)
    {
        var last = k;
        if (b[k] == 'e')
        {
            var m = Measure(b, k - 1);
            if (m > 1 || (m == 1 && !Cvc(b, k - 1)))
            {
                k--;
            }
        }

        // As in the original, the double-l test looks at the word's last letter before the e was removed.
        if (b[last] == 'l' && DoubleConsonant(b, last) && Measure(b, last) > 1)
        {
            k--;
        }

        return k;
    }
}
