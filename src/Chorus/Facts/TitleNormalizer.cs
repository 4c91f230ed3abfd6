using Chorus.Text;

namespace Chorus.Facts;

/// <summary>
/// Reads a person's title into its head ("minister"), its rank words ("deputy", "acting", "former") and its
/// domain words ("fisheries"), all stemmed, with synonyms folded (vice = deputy, chairman = chair).
/// </summary>
public sealed record NormalizedTitle(string Head, IReadOnlySet<string> Rank, IReadOnlySet<string> Domain)
{
    private static readonly HashSet<string> s_rankWords = new(StringComparer.Ordinal) { "deputy", "vice", "acting", "former", "assistant", "junior", "interim", "senior", "associate", "outgoing", "incoming", "designate" };

    private static readonly HashSet<string> s_timeRanks = new(StringComparer.Ordinal) { "former", "outgoing", "incoming", "designate" };

    private static readonly HashSet<string> s_ignored = new(StringComparer.Ordinal) { "the", "a", "an", "of", "for", "at", "and", "its", "his", "her", "their" };

    public static NormalizedTitle Parse(string title)
    {
        var words = title.ToLowerInvariant()
            .Split([' ', '-', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', '.', '\'', '’'))
            .Where(w => w.Length > 0 && !s_ignored.Contains(w))
            .Select(Synonym)
            .ToList();
        if (words.Count == 0)
        {
            return new NormalizedTitle("", new HashSet<string>(), new HashSet<string>());
        }

        var head = words[^1];
        var rank = new HashSet<string>(StringComparer.Ordinal);
        var domain = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words.Take(words.Count - 1))
        {
            if (s_rankWords.Contains(word))
            {
                rank.Add(word == "vice" ? "deputy" : word);
            }
            else
            {
                domain.Add(PorterStemmer.Stem(word));
            }
        }

        return new NormalizedTitle(PorterStemmer.Stem(head), rank, domain);
    }

    /// <summary>
    /// Same head, same rank, and one's domain words are covered by the other's: equal, or a short form of them
    /// ("Fed" of "Federal Reserve", "EU" of "European Union").
    /// </summary>
    public bool CompatibleWith(NormalizedTitle other) =>
        Head == other.Head && SameRank(other) && (Covers(other.Domain, Domain) || Covers(Domain, other.Domain));

    /// <summary>Equal ranks; a time word one side leaves out ("former", "outgoing") is an omission, not a different title.</summary>
    private bool SameRank(NormalizedTitle other)
    {
        var mine = Rank.Except(s_timeRanks).ToHashSet(StringComparer.Ordinal);
        return mine.SetEquals(other.Rank.Except(s_timeRanks)) && (Rank.IsSubsetOf(other.Rank) || other.Rank.IsSubsetOf(Rank));
    }

    private static bool Covers(IReadOnlySet<string> longer, IReadOnlySet<string> shorter)
    {
        var initials = string.Concat(longer.Select(w => w[0]));
        return shorter.All(w => longer.Contains(w)
            || longer.Any(l => w.Length >= 3 && l.StartsWith(w, StringComparison.Ordinal))
            || (w.Length >= 2 && initials.Length >= 2 && LettersOf(initials) == LettersOf(w)));
    }

    private static string LettersOf(string word) => string.Concat(word.Order());

    public string Key => string.Join(' ', Rank.Order(StringComparer.Ordinal).Concat(Domain.Order(StringComparer.Ordinal)).Append(Head));

    private static string Synonym(string word) => word switch
    {
        "chairman" or "chairwoman" or "chairperson" or "chairs" => "chair",
        "spokesman" or "spokeswoman" => "spokesperson",
        "vice-president" => "vicepresident",
        _ => word,
    };
}
