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

    /// <summary>Portfolios of ministers, secretaries and committees: two of them for one person are two different posts.</summary>
    private static readonly HashSet<string> s_portfolios = new(
        new[]
        {
            "finance", "foreign", "defence", "defense", "interior", "home", "justice", "health", "education", "trade", "economy", "economic",
            "agriculture", "fisheries", "fishery", "energy", "environment", "transport", "labour", "labor", "culture", "treasury", "state",
            "commerce", "industry", "tourism", "housing", "security", "intelligence", "immigration", "science", "sport", "sports", "war",
        }.Select(w => PorterStemmer.Stem(w)),
        StringComparer.Ordinal);

    private static readonly HashSet<string> s_ignored = new(StringComparer.Ordinal) { "the", "a", "an", "of", "for", "at", "and", "its", "his", "her", "their" };

    public static NormalizedTitle Parse(string title)
    {
        var all = title.ToLowerInvariant()
            .Split([' ', '-', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', '.', '\'', '’'))
            .Where(w => w.Length > 0)
            .ToList();

        // "Minister of Finance", "chief of staff": the head comes before "of", and what follows is its domain.
        var of = all.IndexOf("of");
        var words = (of > 0 ? all.Take(of) : all).Where(w => !s_ignored.Contains(w)).Select(Synonym).ToList();
        if (words.Count == 0)
        {
            return new NormalizedTitle("", new HashSet<string>(), new HashSet<string>());
        }

        var head = words[^1];
        var rank = new HashSet<string>(StringComparer.Ordinal);
        var domain = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words.Take(words.Count - 1).Concat(of > 0 ? all.Skip(of + 1).Where(w => !s_ignored.Contains(w)) : []))
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
    /// Two titles of one person are compatible unless they say different things: the same head with a different
    /// rank ("Deputy Fisheries Minister" / "Fisheries Minister", "assistant director" / "director"), or a different
    /// portfolio ("Finance Minister" / "Foreign Minister"). Other descriptive words ("Kurdish", "regional",
    /// "WFP") only add detail, and a past title ("former defence minister") is not a claim about the present one.
    /// </summary>
    public bool CompatibleWith(NormalizedTitle other)
    {
        if (Head != other.Head)
        {
            return false;
        }

        if (Rank.Overlaps(s_timeRanks) || other.Rank.Overlaps(s_timeRanks))
        {
            return true;
        }

        // "senior vice president" is a vice president: leaving "senior" out is an omission, not another post.
        if (!Rank.Where(r => r != "senior").ToHashSet(StringComparer.Ordinal).SetEquals(other.Rank.Where(r => r != "senior")))
        {
            return false;
        }

        var mine = Domain.Where(s_portfolios.Contains).ToHashSet(StringComparer.Ordinal);
        var theirs = other.Domain.Where(s_portfolios.Contains).ToHashSet(StringComparer.Ordinal);
        return mine.Count == 0 || theirs.Count == 0 || mine.Overlaps(theirs);
    }

    /// <summary>
    /// Whether a title written without a name ("the prime minister", "the secretary") can stand for this one: the same
    /// head and rank, and each describing word it has is in this title too ("the prime minister" is neither "Foreign
    /// Minister Kaarel Kask" nor "Deputy Prime Minister Liisa Tamm"). "The former president" needs a former one, "the
    /// new president" is not a former one, and words that describe a title in passing ("the current speaker") are left aside.
    /// </summary>
    public bool Includes(NormalizedTitle shorter) =>
        Head == shorter.Head
        && shorter.Rank.Where(r => !s_timeRanks.Contains(r)).ToHashSet(StringComparer.Ordinal).SetEquals(Rank.Where(r => !s_timeRanks.Contains(r)))
        && shorter.Rank.Where(s_timeRanks.Contains).All(Rank.Contains)
        && !(shorter.Domain.Contains("new") && Rank.Overlaps(s_pastRanks))
        && shorter.Domain.Where(d => !s_passing.Contains(d)).All(Domain.Contains);

    private static readonly HashSet<string> s_pastRanks = new(StringComparer.Ordinal) { "former", "outgoing" };

    private static readonly HashSet<string> s_passing = new(
        new[] { "new", "current", "then", "top", "longtime", "veteran", "embattled", "powerful", "influential", "popular", "late", "sole", "main", "real" }
            .Select(w => PorterStemmer.Stem(w)),
        StringComparer.Ordinal);

    public string Key => string.Join(' ', Rank.Order(StringComparer.Ordinal).Concat(Domain.Order(StringComparer.Ordinal)).Append(Head));

    private static string Synonym(string word) => word switch
    {
        "chairman" or "chairwoman" or "chairperson" or "chairs" => "chair",
        "spokesman" or "spokeswoman" => "spokesperson",
        "vice-president" => "vicepresident",
        _ => word,
    };
}
