using System.Text.Json;
using Chorus.Bench.Rouge;
using Chorus.IntegrationTests.Support;
using Chorus.Testing;

namespace Chorus.IntegrationTests.Rouge;

/// <summary>
/// The C# ROUGE reproduces the official ROUGE-1.5.5.pl outputs on DUC 2004 (golden.json) to the fifth decimal:
/// every item's R, P and F, and the bootstrap Average with its 95% interval, for configs A, B and D with both
/// exception tables, on both peer sets (first sentences, and one human against the other three).
/// </summary>
public class Rouge155GoldenTests
{
    public static TheoryData<string> Runs() =>
    [
        "lead.A_l100_m_n4.wordnetdb.out", "lead.A_l100_m_n4.emptydb.out", "lead.B_b665_m_n4.wordnetdb.out", "lead.B_b665_m_n4.emptydb.out", "lead.D_l100_nostem_n2.wordnetdb.out",
        "human.A_l100_m_n4.wordnetdb.out", "human.A_l100_m_n4.emptydb.out", "human.B_b665_m_n4.wordnetdb.out", "human.B_b665_m_n4.emptydb.out", "human.D_l100_nostem_n2.wordnetdb.out",
    ];

    [BenchTheory("rouge")]
    [MemberData(nameof(Runs))]
    public void EveryItemAndTheAverageMatchTheOfficialScript(string run)
    {
        var bench = Repository.SharedBench!;
        var golden = Path.Combine(bench, "rouge", "golden_rouge155", "duc2004");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(golden, "golden.json")));
        var expected = json.RootElement.GetProperty("runs").GetProperty(run);
        var peerSet = expected.GetProperty("peer_set").GetString()!;
        var config = expected.GetProperty("config").GetString()!;
        var options = config[0] switch
        {
            'A' => new RougeOptions(MaxN: 4),
            'B' => new RougeOptions(MaxN: 4, WordLimit: null, ByteLimit: 665),
            _ => new RougeOptions(MaxN: 2, Stem: false),
        };
        var exceptions = expected.GetProperty("exception_db").GetString() == "wordnetdb"
            ? Rouge155.ReadExceptions(Path.Combine(bench, "rouge", "rouge155_resources", "wordnet20_exceptions.tsv"))
            : [];
        var rouge = new Rouge155(options, exceptions, new HashSet<string>());

        using var pairs = JsonDocument.Parse(File.ReadAllText(Path.Combine(golden, peerSet + ".pairs.json")));
        var scores = new List<(string Id, RougeScore[] Scores)>();
        foreach (var pair in pairs.RootElement.EnumerateArray())
        {
            var peer = Rouge155.ReadSentences(Path.Combine(bench, pair.GetProperty("peer").GetString()!));
            var models = pair.GetProperty("models").EnumerateArray().Select(m => (IReadOnlyList<string>)Rouge155.ReadSentences(Path.Combine(bench, m.GetString()!))).ToList();
            scores.Add(($"{pair.GetProperty("eval_id").GetString()}.{peerSet}", rouge.Score(peer, models)));
        }

        for (var n = 1; n <= options.MaxN; n++)
        {
            var metric = expected.GetProperty("metrics").GetProperty($"ROUGE-{n}");
            foreach (var (id, item) in scores)
            {
                var want = metric.GetProperty("items").GetProperty(id).EnumerateArray().Select(v => v.GetDouble()).ToArray();
                var got = item[n - 1];
                Assert.True(want[0] == got.Recall && want[1] == got.Precision && want[2] == got.F, $"ROUGE-{n} {id}: expected R/P/F {want[0]}/{want[1]}/{want[2]}, got {got.Recall}/{got.Precision}/{got.F}");
            }

            foreach (var (name, pick) in new (string, Func<RougeScore, double>)[] { ("R", s => s.Recall), ("P", s => s.Precision), ("F", s => s.F) })
            {
                var average = Rouge155.Average(scores.Select(s => (s.Id, pick(s.Scores[n - 1]))).ToList());
                var want = metric.GetProperty("average").GetProperty(name);
                var interval = want.GetProperty("ci95").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                Assert.Equal(want.GetProperty("avg").GetDouble(), average.Average);
                Assert.Equal(interval[0], average.Low);
                Assert.Equal(interval[1], average.High);
            }
        }
    }
}
