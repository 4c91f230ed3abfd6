using System.Text;
using System.Text.Json;

namespace Chorus.Bench.Clustering;

/// <summary>
/// Generates a large article stream from the bench's real texts, with realistic mutations: chrome lines added,
/// sentences reordered or dropped, names garbled, words paraphrased, and dates spread over two years.
/// Deterministic for a seed.
/// </summary>
internal static class ScaleCorpus
{
    private static readonly string[] s_chrome =
    [
        "Advertisement", "Leave a comment", "Related: more stories from this week", "Share this article", "Sign up for our newsletter",
        "Found a typo? Report a spelling error", "1 2 3 4 5", "</div>", "Read more: the latest headlines",
    ];

    private static readonly (string, string)[] s_paraphrases =
    [
        ("said", "stated"), ("told", "informed"), ("government", "administration"), ("announced", "declared"), ("people", "residents"),
        ("officials", "authorities"), ("meeting", "talks"), ("increase", "rise"), ("decrease", "drop"), ("began", "started"),
    ];

    /// <summary>
    /// Writes <paramref name="count"/> articles as JSONL and returns the gold story of each id. <paramref name="events"/>
    /// holds the texts of each real event; a synthetic story is one event in one time slot, and its articles are
    /// mutations of that event's texts.
    /// </summary>
    public static Dictionary<string, string> Write(IReadOnlyList<IReadOnlyList<string>> events, int count, string path, int seed = 42)
    {
        var random = new Random(seed);
        var gold = new Dictionary<string, string>(count, StringComparer.Ordinal);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // An event recurs in slots 20 days apart over two years (a topic that returns): stories of one event
        // never share the clusterer's time window, so they stay distinct stories.
        var storyCount = Math.Clamp(count / 8, 1, events.Count * 36);
        var storyDates = Enumerable.Range(0, storyCount).Select(s => start.AddDays((s / events.Count * 20) + random.Next(0, 3))).ToArray();
        // Articles are planned first (story, time, seed) and written in publication order, as a stream arrives.
        var plan = new (int Story, DateTimeOffset Published, int Seed)[count];
        for (var i = 0; i < count; i++)
        {
            var story = random.Next(storyCount);
            plan[i] = (story, storyDates[story].AddHours(random.Next(0, 72)), random.Next());
        }

        Array.Sort(plan, (a, b) => a.Published.CompareTo(b.Published));
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            var (story, published, itemSeed) = plan[i];
            var itemRandom = new Random(itemSeed);
            var texts = events[story % events.Count];
            var text = Mutate(texts[itemRandom.Next(texts.Count)], itemRandom);
            var id = $"a{i}";
            gold[id] = $"story{story}";
            writer.WriteLine(JsonSerializer.Serialize(new { id, title = "", text, published = published.ToString("O"), site = $"site{itemRandom.Next(200)}.example" }));
        }

        return gold;
    }

    private static string Mutate(string text, Random random)
    {
        var sentences = text.Split(". ", StringSplitOptions.RemoveEmptyEntries).ToList();
        if (sentences.Count > 4 && random.NextDouble() < 0.5)
        {
            sentences.RemoveAt(random.Next(1, sentences.Count)); // a sentence dropped
        }

        if (sentences.Count > 3 && random.NextDouble() < 0.3)
        {
            var moved = sentences[^1];
            sentences.RemoveAt(sentences.Count - 1);
            sentences.Insert(random.Next(1, sentences.Count), moved); // reordered
        }

        var body = string.Join(". ", sentences);
        foreach (var (from, to) in s_paraphrases)
        {
            if (random.NextDouble() < 0.3)
            {
                body = body.Replace($" {from} ", $" {to} ", StringComparison.Ordinal);
            }
        }

        if (random.NextDouble() < 0.3)
        {
            body = Garble(body, random);
        }

        var lines = new List<string> { body };
        for (var k = random.Next(0, 4); k > 0; k--)
        {
            lines.Insert(random.Next(lines.Count + 1), s_chrome[random.Next(s_chrome.Length)]);
        }

        return string.Join("\n", lines);
    }

    /// <summary>Swaps two letters in a few capitalised words, as translation and OCR garble names.</summary>
    private static string Garble(string text, Random random)
    {
        var chars = text.ToCharArray();
        for (var k = 0; k < 3; k++)
        {
            var at = random.Next(chars.Length - 3);
            while (at < chars.Length - 3 && !(char.IsUpper(chars[at]) && char.IsLower(chars[at + 1]) && char.IsLower(chars[at + 2])))
            {
                at++;
            }

            if (at < chars.Length - 3)
            {
                (chars[at + 1], chars[at + 2]) = (chars[at + 2], chars[at + 1]);
            }
        }

        return new string(chars);
    }
}
