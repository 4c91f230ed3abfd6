using System.Globalization;
using Chorus.Clustering;
using Chorus.Text;

namespace Chorus.Facts;

/// <summary>
/// Scores each source 0..1 and says why, in terms a reader can check: it copies another source; it spells
/// names differently from the story's consensus; as a rewrite it changes words of its source's sentences
/// (a sign of machine translation or spinning); as a copy it changes a value of its source; it states values the
/// other sources contradict.
/// </summary>
public static class SourceTrustScorer
{
    public static List<SourceAssessment> Score(
        IReadOnlyList<AnalyzedArticle> articles,
        IReadOnlyList<CopyLink> copies,
        IReadOnlyList<StoryEntity> entities,
        IReadOnlyList<Conflict> conflicts,
        IReadOnlyList<Deviation> deviations,
        Func<string, string> originOf)
    {
        var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var result = new List<SourceAssessment>();
        foreach (var article in articles)
        {
            var notes = new List<string>();
            var quality = 1.0;

            if (copies.FirstOrDefault(c => c.ArticleId == article.Id) is { } copy)
            {
                var kind = copy.Kind switch
                {
                    CopyKind.Exact => "an exact copy",
                    CopyKind.NearDuplicate => "a near-copy",
                    _ => "a rewrite",
                };
                notes.Add($"{kind} of {copy.SourceId} ({copy.Score.ToString("P0", CultureInfo.InvariantCulture)} match); adds no independent confirmation");
                quality -= copy.Kind == CopyKind.Rewrite ? 0.15 : 0.1;
                if (copy.Kind == CopyKind.Rewrite && byId.TryGetValue(copy.SourceId, out var source))
                {
                    var changed = ChangedWords(article, source);
                    if (changed.Count >= 3)
                    {
                        notes.Add($"rewords its source in {changed.Count} places, e.g. {string.Join(", ", changed.Take(4).Select(c => $"'{c.From}' → '{c.To}'"))} (machine translation or spinning)");
                        quality -= Math.Min(0.25, 0.03 * changed.Count);
                    }
                }
            }

            foreach (var entity in entities.Where(e => e.Kind == EntityKind.Person))
            {
                var spellings = entity.Mentions
                    .Where(m => m.ArticleId == article.Id && !m.Mention.ByTitle && m.Mention.Name.Contains(' ', StringComparison.Ordinal))
                    .Select(m => m.Mention.Name)
                    .Concat(entity.Mentions.Where(m => m.ArticleId == article.Id && !m.Mention.Name.Contains(' ', StringComparison.Ordinal)).Select(m => m.Mention.Name))
                    .Distinct(StringComparer.Ordinal)
                    .Where(name => !entity.Name.EndsWith(name, StringComparison.Ordinal) && !entity.Name.Equals(name, StringComparison.Ordinal) && !SameButForPlural(entity.Name, name)
                        && !SameButForFormality(entity.Name, name))
                    .ToList();
                if (spellings.Count > 0)
                {
                    notes.Add($"spells {entity.Name} as {string.Join(", ", spellings.Select(s => $"'{s}'"))}");
                    quality -= Math.Min(0.2, 0.07 * spellings.Count);
                }
            }

            foreach (var deviation in deviations.Where(d => d.ArticleId == article.Id))
            {
                // A smaller cost than a contradiction: an agency's updated version of its own story differs this way too.
                notes.Add($"{deviation.Topic}: says '{deviation.Value}' where its source {deviation.SourceId} says '{deviation.SourceValue}'");
                quality -= 0.05;
            }

            foreach (var conflict in conflicts)
            {
                var mine = conflict.Values.FirstOrDefault(v => v.Sources.Contains(article.Id, StringComparer.Ordinal));
                var top = conflict.Values.MaxBy(v => v.Origins);
                if (mine is not null && top is not null && mine != top && mine.Origins < top.Origins && mine.VersionOf is null)
                {
                    notes.Add($"{conflict.Topic}: says '{mine.Value}' where {top.Origins} other origin{(top.Origins == 1 ? "" : "s")} say '{top.Value}'");
                    quality -= 0.15;
                }
            }

            result.Add(new SourceAssessment(article.Id, Math.Round(Math.Clamp(quality, 0, 1), 2), notes));
        }

        return result;
    }

    /// <summary>
    /// Words the copy puts where its source had others: a word-level diff (longest common subsequence) of each
    /// copy sentence against its best-aligned source sentence, keeping replaced runs of one to three words.
    /// </summary>
    public static List<(string From, string To)> ChangedWords(AnalyzedArticle copy, AnalyzedArticle source)
    {
        var changes = new List<(string, string)>();
        foreach (var sentence in copy.Sentences)
        {
            var terms = sentence.Terms.ToHashSet(StringComparer.Ordinal);
            var best = source.Sentences.MaxBy(s => CopyDetector.SetCosine(terms, s.Terms.ToHashSet(StringComparer.Ordinal)));
            if (best is null || CopyDetector.SetCosine(terms, best.Terms.ToHashSet(StringComparer.Ordinal)) < CopyDetector.SentenceMatch)
            {
                continue;
            }

            changes.AddRange(Substitutions(Words(source.Text, best.Span), Words(copy.Text, sentence.Span)));
        }

        return changes.Distinct().ToList();
    }

    /// <summary>
    /// The same name written more or less formally: with or without middle names and initials ("Sergei K. Valenko"),
    /// or with a short form of the given name ("Bill" for "William"). Neither is a misspelling.
    /// </summary>
    internal static bool SameButForFormality(string name, string variant)
    {
        var a = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = variant.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return a.Length >= 2 && b.Length >= 2 && a[^1] == b[^1]
            && (a[0] == b[0] || NameMatcher.IsShortFormOf(a[0], b[0]));
    }

    /// <summary>
    /// "Fishing Towns" for "Fishing Town": a plural ending on the name or its last word is grammar,
    /// not a misspelling.
    /// </summary>
    internal static bool SameButForPlural(string name, string variant)
    {
        var last = name[(name.LastIndexOf(' ') + 1)..];
        return Plural(name, variant) || Plural(last, variant);

        static bool Plural(string a, string b) =>
            (b.Length == a.Length + 1 && b.EndsWith('s') && b.StartsWith(a, StringComparison.Ordinal))
            || (a.Length == b.Length + 1 && a.EndsWith('s') && a.StartsWith(b, StringComparison.Ordinal));
    }

    private static IEnumerable<(string From, string To)> Substitutions(List<string> from, List<string> to)
    {
        var lcs = new int[from.Count + 1, to.Count + 1];
        for (var i = from.Count - 1; i >= 0; i--)
        {
            for (var j = to.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = Same(from[i], to[j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var (a, b) = (0, 0);
        var removed = new List<string>();
        var added = new List<string>();
        while (a < from.Count || b < to.Count)
        {
            if (a < from.Count && b < to.Count && Same(from[a], to[b]))
            {
                if (Pair(removed, added) is { } change)
                {
                    yield return change;
                }

                removed.Clear();
                added.Clear();
                a++;
                b++;
            }
            else if (b < to.Count && (a == from.Count || lcs[a, b + 1] >= lcs[a + 1, b]))
            {
                added.Add(to[b++]);
            }
            else
            {
                removed.Add(from[a++]);
            }
        }

        if (Pair(removed, added) is { } last)
        {
            yield return last;
        }

        static (string, string)? Pair(List<string> removed, List<string> added) =>
            removed.Count is >= 1 and <= 3 && added.Count is >= 1 and <= 3 ? (string.Join(' ', removed), string.Join(' ', added)) : null;

        static bool Same(string x, string y) => PorterStemmer.Stem(x.ToLowerInvariant()) == PorterStemmer.Stem(y.ToLowerInvariant());
    }

    private static List<string> Words(string text, TextSpan span) =>
        Tokenizer.Tokenize(text, span.Start, span.End)
            .Where(t => t.Kind is TokenKind.Word or TokenKind.Number)
            .Select(t => text[t.Span.Range])
            .ToList();
}
