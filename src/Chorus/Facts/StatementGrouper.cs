using Chorus.Text;

namespace Chorus.Facts;

/// <summary>
/// Groups short statements that say the same thing (outlets' answers to one question, claims), with the
/// agreement logic of the slots: statements join when most of their words are shared, and never when they carry
/// different durations or figures ("two more years" is not "three years"; "July 2024" is not "2023").
/// </summary>
public static class StatementGrouper
{
    /// <summary>The groups, as indexes into <paramref name="statements"/>, in order of first appearance.</summary>
    public static List<List<int>> Group(IReadOnlyList<string> statements, double threshold = 0.5)
    {
        var profiles = statements.Select(Profile.Of).ToList();
        return GreedyGroups.Of(
            Enumerable.Range(0, statements.Count),
            (members, i) => members.All(m => !profiles[m].Contradicts(profiles[i])) && members.Average(m => profiles[m].Similarity(profiles[i])) >= threshold);
    }

    private sealed record Profile(HashSet<string> Words, HashSet<string> Numbers, List<double> Durations)
    {
        public static Profile Of(string text)
        {
            var terms = TextAnalyzer.Terms(text, 0, text.Length);
            var durations = Recognizers.Durations(text, 0, text.Length).Select(d => d.Seconds).ToList();
            var numbers = terms.Where(t => t.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
            foreach (var word in text.Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!char.IsDigit(word[0]) && NumberWords.TryParse(word, out var value))
                {
                    numbers.Add("#" + value.ToString(System.Globalization.CultureInfo.InvariantCulture)); // "two" counts like "2"
                }
            }

            return new Profile(terms.Where(t => !t.StartsWith('#')).ToHashSet(StringComparer.Ordinal), numbers, durations);
        }

        public double Similarity(Profile other) =>
            Clustering.CopyDetector.SetCosine(Words.Concat(Numbers).ToHashSet(StringComparer.Ordinal), other.Words.Concat(other.Numbers).ToHashSet(StringComparer.Ordinal));

        public bool Contradicts(Profile other)
        {
            if (Durations.Count > 0 && other.Durations.Count > 0)
            {
                return !Durations.Any(a => other.Durations.Any(b => Math.Abs(a - b) <= 0.03 * Math.Max(a, b)));
            }

            return Numbers.Count > 0 && other.Numbers.Count > 0 && !Numbers.Overlaps(other.Numbers);
        }
    }
}
