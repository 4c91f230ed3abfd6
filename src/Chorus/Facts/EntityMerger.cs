using System.Text.RegularExpressions;
using Chorus.Text;

namespace Chorus.Facts;

/// <summary>
/// Merges the entity mentions of a story's articles into entities. People match through
/// <see cref="NameMatcher"/>; a surname alone joins the one person it fits (or, when several fit, the one
/// last named in full before it in that article), and a title alone ("the minister said") joins the person last named
/// before it with a title it can stand for. Other kinds match on their canonical name, allowing small garbles in long
/// names. The consensus name is the spelling used by the most independent origins.
/// </summary>
public static partial class EntityMerger
{
    public static IReadOnlyList<StoryEntity> Merge(IReadOnlyList<AnalyzedArticle> articles, Func<string, string> originOf)
    {
        var groups = new List<Group>();

        // The groups a mention could match, in creation order: people by the initial of their surname key (a person
        // matches only a group holding a full name with the same initial), other kinds by kind. The first match in
        // creation order wins, as it would over all groups.
        var people = new Dictionary<char, SortedSet<int>>();
        var others = new Dictionary<EntityKind, List<int>>();
        IEnumerable<int> Candidates(EntityKind kind, string key) => kind == EntityKind.Person
            ? people.GetValueOrDefault(NameMatcher.SurnameInitial(key)) ?? Enumerable.Empty<int>()
            : others.GetValueOrDefault(kind) ?? Enumerable.Empty<int>();

        // Pass 1: full names and non-person entities.
        foreach (var article in articles)
        {
            foreach (var mention in article.Mentions)
            {
                if (mention.Kind == EntityKind.Unknown || (mention.Kind == EntityKind.Person && WordCount(mention.Name) < 2))
                {
                    continue;
                }

                var key = mention.Canonical ?? mention.Name;
                var folded = mention.Kind == EntityKind.Person ? key : NameMatcher.Fold(key);
                var found = Candidates(mention.Kind, key).Where(g => groups[g].Matches(mention.Kind, key, folded)).Select(g => (int?)g).FirstOrDefault();
                var index = found ?? groups.Count;
                if (found is null)
                {
                    groups.Add(new Group(mention.Kind, key));
                    if (mention.Kind != EntityKind.Person)
                    {
                        (others.TryGetValue(mention.Kind, out var list) ? list : others[mention.Kind] = []).Add(index);
                    }
                }

                groups[index].Add(article.Id, mention);
                if (mention.Kind == EntityKind.Person)
                {
                    var initial = NameMatcher.SurnameInitial(mention.Name);
                    (people.TryGetValue(initial, out var set) ? set : people[initial] = []).Add(index);
                }
            }
        }

        // Pass 2: single names (surname only, or unknown single words) join the person they fit. A surname fits only
        // the people whose surname key has the same initial; the groups are fixed now, so they are indexed once.
        var bySurname = Enumerable.Range(0, groups.Count)
            .Where(g => groups[g].Kind == EntityKind.Person)
            .GroupBy(g => NameMatcher.SurnameKeyInitial(LastWord(groups[g].Key)))
            .ToDictionary(x => x.Key, x => x.Select(g => groups[g]).ToList());
        foreach (var article in articles)
        {
            foreach (var mention in article.Mentions)
            {
                if (WordCount(mention.Name) != 1 || mention.Kind is not (EntityKind.Person or EntityKind.Unknown) || (mention.Kind == EntityKind.Unknown && IsFunctionWordOrNumber(mention.Name)))
                {
                    continue;
                }

                var fits = (bySurname.GetValueOrDefault(NameMatcher.SurnameKeyInitial(mention.Name)) ?? [])
                    .Where(g => NameMatcher.SameSurname(LastWord(g.Key), mention.Name)).ToList();
                if (fits.Count > 1 && mention.Title is { } title)
                {
                    // "Vice President Gore" is the Gore who holds that title, not the Gore named last.
                    var parsed = NormalizedTitle.Parse(title);
                    var titled = fits.Where(g => g.Mentions.Any(m => m.Mention.Title is { } other && NormalizedTitle.Parse(other).CompatibleWith(parsed))).ToList();
                    if (titled.Count == 1)
                    {
                        fits = titled;
                    }
                }

                // A capitalised word of no known kind joins as a garbled surname only when the garble is safe to tell: the
                // article names that person in full with the same spelling ("Sergej Walenko ... said Walenko"), or the
                // name is long enough that a letter or two cannot make another word ("Valdemarsson" / "Valdemarson"). A
                // short near-miss is another thing: "a Roker 50" plane is no garbled "Rokel".
                if (mention.Kind == EntityKind.Unknown)
                {
                    var surname = NameMatcher.SurnameKey(mention.Name);
                    fits = fits.Where(g => NameMatcher.SurnameKey(LastWord(g.Key)) is var key
                        && (key == surname || g.NamesInFull(article.Id, surname) || Math.Max(key.Length, surname.Length) >= 7)).ToList();
                }

                var chosen = fits.Count == 1 ? fits[0] : fits.Count > 1 ? NamedLastBefore(fits, article.Id, mention.Span.Start) : null;
                chosen?.Add(article.Id, mention with { Kind = EntityKind.Person });
            }
        }

        // Pass 3: a title alone ("the minister said") names a person already named in the article with that title, or
        // the one person of the story who holds it and was named in the article before it.
        var titleHolders = groups
            .Where(g => g.Kind == EntityKind.Person)
            .SelectMany(g => g.Mentions.Where(m => m.Mention.Title is not null).Select(m => (Group: g, m.ArticleId, m.Mention, Title: NormalizedTitle.Parse(m.Mention.Title!))))
            .ToLookup(x => x.ArticleId, StringComparer.Ordinal);
        // For the story-wide fallback: each person's distinct titles by head, and where each person is first named in
        // each article, read once, so a page full of titles costs no search of every mention per title.
        var holdersByHead = titleHolders.SelectMany(x => x)
            .GroupBy(x => x.Title.Head, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.DistinctBy(x => (x.Group, x.Title.Key)).ToList(), StringComparer.Ordinal);
        var firstNamed = new Dictionary<(Group, string), int>();
        foreach (var group in groups.Where(g => g.Kind == EntityKind.Person))
        {
            foreach (var m in group.Mentions)
            {
                var key = (group, m.ArticleId);
                firstNamed[key] = Math.Min(firstNamed.GetValueOrDefault(key, int.MaxValue), m.Mention.Span.End);
            }
        }

        foreach (var article in articles)
        {
            // Title-only mentions come in text order, so the titled mentions before each are found by moving forward.
            var holders = titleHolders[article.Id].OrderBy(x => x.Mention.Span.End).ToList();
            var at = -1;
            foreach (var (span, title, nation) in TitleOnlyMentions(article))
            {
                while (at + 1 < holders.Count && holders[at + 1].Mention.Span.End <= span.Start)
                {
                    at++;
                }

                // The person last named before it in the article with a title it can stand for; "the Estonian minister"
                // needs one introduced as an Estonian minister. A title refers back to a recent mention: the search
                // stops after 50 titled mentions, so a hostile page full of titles costs no more than that.
                Group? holder = null;
                for (var k = at; k >= 0 && k > at - 50 && holder is null; k--)
                {
                    var x = holders[k];
                    if (x.Title.Includes(title) && (nation is null || WordBefore(article.Text, x.Mention.TitleSpan ?? x.Mention.Span) == nation))
                    {
                        holder = x.Group;
                    }
                }

                // Otherwise the one person of the story who holds the title elsewhere and is named in this article before it.
                if (holder is null && nation is null)
                {
                    var elsewhere = (holdersByHead.GetValueOrDefault(title.Head) ?? []).Where(x => x.Title.Includes(title)).Select(x => x.Group).Distinct().Take(2).ToList();
                    if (elsewhere is [var only] && firstNamed.GetValueOrDefault((only, article.Id), int.MaxValue) <= span.Start)
                    {
                        holder = only;
                    }
                }

                holder?.Add(article.Id, new EntityMention(span, span.Of(article.Text), EntityKind.Person, Math.Max(0, article.SentenceAt(span.Start))) { ByTitle = true });
            }
        }

        var entities = new List<StoryEntity>();
        var number = 0;
        foreach (var group in groups.OrderByDescending(g => g.Mentions.Select(m => originOf(m.ArticleId)).Distinct().Count()).ThenByDescending(g => g.Mentions.Count))
        {
            var fullNames = group.Mentions.Where(m => group.Kind != EntityKind.Person || (WordCount(m.Mention.Name) >= 2 && !m.Mention.ByTitle)).ToList();
            var name = fullNames
                .GroupBy(m => group.Kind == EntityKind.Place ? m.Mention.Canonical ?? m.Mention.Name : m.Mention.Name, StringComparer.Ordinal)
                .OrderByDescending(g => g.Select(m => originOf(m.ArticleId)).Distinct().Count())
                .ThenByDescending(g => g.Count())
                .First().Key;
            var aliases = group.Mentions.Where(m => !m.Mention.ByTitle).Select(m => m.Mention.Name).Where(a => a != name).Distinct(StringComparer.Ordinal).ToList();
            var sources = group.Mentions.Select(m => m.ArticleId).Distinct(StringComparer.Ordinal).ToList();
            entities.Add(new StoryEntity($"e{++number}", name, group.Kind, aliases, sources, group.Mentions));
        }

        return entities;
    }

    /// <summary>Of several people a surname fits, the one last named in full before the position in the same article.</summary>
    private static Group? NamedLastBefore(List<Group> fits, string articleId, int position)
    {
        Group? best = null;
        var bestEnd = -1;
        foreach (var group in fits)
        {
            foreach (var m in group.Mentions)
            {
                if (m.ArticleId == articleId && m.Mention.Span.End <= position && m.Mention.Span.End > bestEnd && WordCount(m.Mention.Name) >= 2)
                {
                    best = group;
                    bestEnd = m.Mention.Span.End;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// "the minister said", "the deputy fisheries minister, who ...", "The spokesman's": a title of up to three small
    /// words after "the", with no name after it and nothing that would make it a phrase of another sense ("the
    /// general public", "the president of the club"): a punctuation mark or a verb or link word follows. Each comes as a
    /// span and the title read.
    /// </summary>
    private static IEnumerable<(TextSpan Span, NormalizedTitle Title, string? Nation)> TitleOnlyMentions(AnalyzedArticle article)
    {
        var text = article.Text;
        foreach (Match match in TitleOnly().Matches(text))
        {
            // "the Estonian minister": a nationality may stand before the title's small words.
            var nation = match.Groups["nation"] is { Success: true } n ? n.Value : null;
            if (nation is not null && Gazetteer.Shared.FindDemonym(nation) is null)
            {
                continue;
            }

            // The head is the first title word not followed by another ("the deputy minister"); the words before it
            // modify it, and a function word among them means this is no title ("the news that ...").
            var words = match.Groups["word"].Captures;
            var last = -1;
            for (var k = 0; k < words.Count && !Stopwords.Contains(words[k].Value); k++)
            {
                if (EntityRecognizer.IsTitleHead(words[k].ValueSpan) && (k + 1 == words.Count || !EntityRecognizer.IsTitleHead(words[k + 1].ValueSpan)))
                {
                    last = k;
                    break;
                }
            }

            if (last < 0)
            {
                continue;
            }

            var end = words[last].Index + words[last].Length;
            var next = last + 1 < words.Count ? words[last + 1].Value : null;
            var rest = text.AsSpan(end).TrimStart(' ');
            // ", Senator Kaarel Kask" after it names someone else in apposition.
            var apposition = rest.StartsWith(",") && rest[1..].TrimStart(' ') is { Length: > 0 } named && char.IsUpper(named[0]);
            if (apposition || (next is null ? rest.Length > 0 && char.IsLetterOrDigit(rest[0]) : !s_afterTitle.Contains(next)))
            {
                continue;
            }

            yield return (new TextSpan(match.Index, end), NormalizedTitle.Parse(text[words[0].Index..end]), nation);
        }
    }

    // What may follow a title that stands for a person: a verb of saying or being, or a link word.
    private static readonly HashSet<string> s_afterTitle = new(StringComparer.Ordinal)
    {
        "said", "says", "told", "added", "warned", "insisted", "stressed", "announced", "confirmed", "denied", "declined", "refused",
        "is", "was", "has", "had", "will", "would", "could", "can", "did", "does", "who", "whose", "and", "also", "later", "then",
        "met", "spoke", "wrote", "urged", "asked", "rejected", "arrived", "left",
    };

    /// <summary>The word just before a span ("Estonian" in "Estonian minister Liisa Tamm"), or "" when none.</summary>
    private static string WordBefore(string text, TextSpan span)
    {
        var before = text.AsSpan(0, span.Start).TrimEnd();
        var start = before.Length;
        while (start > 0 && char.IsLetter(before[start - 1]))
        {
            start--;
        }

        return before[start..].ToString();
    }

    [GeneratedRegex(@"\b[Tt]he(?:\s+(?<nation>[A-Z][a-z]+))?(?:\s+(?!the\b)(?<word>[a-z][a-z\-]*)){1,4}\b")]
    private static partial Regex TitleOnly();

    /// <summary>
    /// A capitalised word of no known kind that is a function word or a number ("This", "In", "Two"): it may sound like
    /// a surname ("This" and "Dis"), but it names no one.
    /// </summary>
    private static bool IsFunctionWordOrNumber(string word) =>
        Stopwords.Contains(word.ToLowerInvariant()) || NumberWords.TryParse(word, out _);

    private static int WordCount(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string LastWord(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];

    private sealed class Group(EntityKind kind, string key)
    {
        public EntityKind Kind { get; } = kind;

        public string Key { get; } = key;

        public List<MentionRef> Mentions { get; } = [];

        /// <summary>The distinct full names (two words or more) of the group's mentions: a person matches against these.</summary>
        private HashSet<string> FullNames { get; } = new(StringComparer.Ordinal);

        /// <summary>The surname keys of the full names, by article: how each article spells the person's surname.</summary>
        private HashSet<(string Article, string Surname)> FullSurnames { get; } = [];

        private string FoldedKey => field ??= NameMatcher.Fold(Key);

        public void Add(string articleId, EntityMention mention)
        {
            Mentions.Add(new MentionRef(articleId, mention));
            if (WordCount(mention.Name) >= 2 && !mention.ByTitle)
            {
                FullNames.Add(mention.Name);
                FullSurnames.Add((articleId, NameMatcher.SurnameKey(LastWord(mention.Name))));
            }
        }

        /// <summary>Whether the article names this person in full with a surname of this key.</summary>
        public bool NamesInFull(string articleId, string surnameKey) => FullSurnames.Contains((articleId, surnameKey));

        /// <summary>Whether a mention's key (and, for other kinds than people, its folded form) names this group's entity.</summary>
        public bool Matches(EntityKind kind, string key, string folded)
        {
            if (kind != Kind)
            {
                return false;
            }

            if (kind == EntityKind.Person)
            {
                return FullNames.Contains(key) || FullNames.Any(name => NameMatcher.SamePerson(name, key));
            }

            if (string.Equals(Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // Long multi-word names garbled by a letter or two ("Fishers" / "Fishermen" is too far; "Fisheries"/"Fishery" is close).
            var a = FoldedKey;
            return Math.Min(a.Length, folded.Length) >= 12 && Math.Abs(a.Length - folded.Length) <= Math.Max(a.Length, folded.Length) / 10
                && NameMatcher.Distance(a, folded) <= Math.Max(a.Length, folded.Length) / 10;
        }
    }
}
