using System.Globalization;
using System.Text.Json;
using Chorus.Facts;

namespace Chorus.Bench.Facts;

/// <summary>
/// Cross-source answers (nanco_dataset.json): for each of 8 stories, outlets' answers to one question, grouped
/// by three annotators. Chorus groups the answers with its own agreement logic; the adjusted Rand index against
/// the annotators' global grouping is printed beside the annotators' agreement with each other.
/// </summary>
public static class AgreementSuite
{
    public static int Run(string[] args)
    {
        if (Extraction.BenchData.Path("contradiction") is not { } root)
        {
            Console.WriteLine("agreement: ../shared/bench/contradiction is absent; skipping.");
            return 0;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "discord_questions", "nanco_dataset.json")));
        var chorusScores = new List<double>();
        var humanScores = new List<double>();
        Console.WriteLine("story  answers  Chorus vs global  annotators (mean pairwise ARI)");
        var index = 0;
        foreach (var story in json.RootElement.EnumerateArray())
        {
            var answers = story.GetProperty("answers").EnumerateArray().ToList();
            var texts = answers.Select(a => a.GetProperty("Answer").GetString() ?? "").ToList();
            var gold = answers.Select(a => Label(a, "cluster_global")).ToList();
            var predicted = new string[texts.Count];
            var groups = StatementGrouper.Group(texts);
            for (var g = 0; g < groups.Count; g++)
            {
                foreach (var i in groups[g])
                {
                    predicted[i] = g.ToString(CultureInfo.InvariantCulture);
                }
            }

            var annotators = new[] { "cluster_Phil", "cluster_Lidiya", "cluster_Jason" }.Select(n => answers.Select(a => Label(a, n)).ToList()).ToList();
            var human = new[] { (0, 1), (0, 2), (1, 2) }.Select(p => AdjustedRand.Index(annotators[p.Item1], annotators[p.Item2])).Average();
            var chorus = AdjustedRand.Index(predicted, gold);
            chorusScores.Add(chorus);
            humanScores.Add(human);
            index++;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{index,5}  {texts.Count,7}  {chorus,16:0.000}  {human,10:0.000}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $" mean           {chorusScores.Average(),16:0.000}  {humanScores.Average(),10:0.000}"));
        return 0;
    }

    private static string Label(JsonElement answer, string name) =>
        answer.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString() ?? "" : "";
}

/// <summary>The adjusted Rand index of two labelings of the same items (Hubert and Arabie, 1985).</summary>
public static class AdjustedRand
{
    public static double Index(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        static double Pairs(double n) => n * (n - 1) / 2;
        var cells = a.Zip(b).GroupBy(x => x).Sum(g => Pairs(g.Count()));
        var rows = a.GroupBy(x => x).Sum(g => Pairs(g.Count()));
        var columns = b.GroupBy(x => x).Sum(g => Pairs(g.Count()));
        var total = Pairs(a.Count);
        var expected = rows * columns / total;
        var maximum = (rows + columns) / 2;
        return maximum == expected ? 1 : (cells - expected) / (maximum - expected);
    }
}
