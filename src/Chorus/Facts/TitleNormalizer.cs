using Chorus.Text;

namespace Chorus.Facts;

/// <summary>
/// Reads a person's title into its head ("minister"), its rank words ("deputy", "acting", "former") and its
/// domain words ("fisheries"), all stemmed, with synonyms folded (vice = deputy, chairman = chair).
/// </summary>
public sealed record NormalizedTitle(string Head, IReadOnlySet<string> Rank, IReadOnlySet<string> Domain)
{
    private static readonly HashSet<string> s_rankWords = new(StringComparer.Ordinal) { "deputy", "vice", "acting", "former", "assistant", "junior", "interim", "senior", "associate", "outgoing", "incoming", "designate" };

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

    /// <summary>Same head, same rank, and one's domain words contain the other's.</summary>
    public bool CompatibleWith(NormalizedTitle other) =>
        Head == other.Head && Rank.SetEquals(other.Rank) && (Domain.IsSubsetOf(other.Domain) || other.Domain.IsSubsetOf(Domain));

    public string Key => string.Join(' ', Rank.Order(StringComparer.Ordinal).Concat(Domain.Order(StringComparer.Ordinal)).Append(Head));

    private static string Synonym(string word) => word switch
    {
        "chairman" or "chairwoman" or "chairperson" or "chairs" => "chair",
        "spokesman" or "spokeswoman" => "spokesperson",
        "vice-president" => "vicepresident",
        _ => word,
    };
}
