using System.Globalization;
using System.Text;
using Chorus.Text;

namespace Chorus.Bench.Rouge;

/// <summary>The ROUGE-1.5.5 options this scorer implements (the script's flag in brackets).</summary>
/// <param name="MaxN">Largest n-gram size scored [-n].</param>
/// <param name="Stem">Porter stemming after the WordNet exception lookup, for tokens longer than three letters [-m].</param>
/// <param name="RemoveStopwords">Drop the SMART common words [-s].</param>
/// <param name="WordLimit">Keep only the first N words [-l].</param>
/// <param name="ByteLimit">Keep only the first N characters [-b].</param>
/// <param name="BestModel">Score against the single model with the best recall instead of pooling them [-f B].</param>
/// <param name="Alpha">Weight of precision in F [-p].</param>
public sealed record RougeOptions(int MaxN = 4, bool Stem = true, bool RemoveStopwords = false, int? WordLimit = 100, int? ByteLimit = null, bool BestModel = false, double Alpha = 0.5)
{
    /// <summary>The standard DUC 2004 setting: -n 4 -m -a -l 100.</summary>
    public static RougeOptions Duc2004 { get; } = new();
}

/// <summary>Recall, precision and F of one n-gram size, each rounded to five decimals as the script prints them.</summary>
public readonly record struct RougeScore(double Recall, double Precision, double F);

/// <summary>A corpus figure as ROUGE-1.5.5 reports it: the bootstrap "Average" and its 95% interval.</summary>
public readonly record struct RougeAverage(double Average, double Low, double High);

/// <summary>
/// ROUGE-N exactly as ROUGE-1.5.5.pl computes it (../shared/bench/rouge/README.md states the rules): the length
/// limit on the raw lower-cased text before tokenisation, the script's normalisation and token filter, the
/// WordNet exception table before Porter's stemmer, pooled models, and rounding of R and P before F.
/// </summary>
public sealed class Rouge155(RougeOptions options, IReadOnlyDictionary<string, string> exceptions, IReadOnlySet<string> stopwords)
{
    public RougeOptions Options => options;

    /// <summary>Scores for n = 1..MaxN of one peer (its sentences) against its models (each a list of sentences).</summary>
    public RougeScore[] Score(IReadOnlyList<string> peer, IReadOnlyList<IReadOnlyList<string>> models)
    {
        var peerTokens = Tokens(peer);
        var modelTokens = models.Select(Tokens).ToList();
        var scores = new RougeScore[options.MaxN];
        for (var n = 1; n <= options.MaxN; n++)
        {
            var peerGrams = Grams(peerTokens, n, out var peerTotal);
            long hits = 0, modelTotal = 0;
            double bestRecall = -1;
            (long Hits, long Total) best = (0, 0);
            foreach (var model in modelTokens)
            {
                var grams = Grams(model, n, out var total);
                long hit = 0;
                foreach (var (gram, count) in grams)
                {
                    hit += Math.Min(count, peerGrams.GetValueOrDefault(gram));
                }

                hits += hit;
                modelTotal += total;
                var recall = total == 0 ? 0 : hit / (double)total;
                if (recall > bestRecall)
                {
                    bestRecall = recall;
                    best = (hit, total);
                }
            }

            double r, p;
            if (options.BestModel)
            {
                r = best.Total == 0 ? 0 : best.Hits / (double)best.Total;
                p = peerTotal == 0 ? 0 : best.Hits / (double)peerTotal;
            }
            else
            {
                r = modelTotal == 0 ? 0 : hits / (double)modelTotal;
                p = peerTotal == 0 ? 0 : hits / (modelTokens.Count * (double)peerTotal);
            }

            r = Round5(r);
            p = Round5(p);
            var denominator = ((1 - options.Alpha) * p) + (options.Alpha * r);
            scores[n - 1] = new RougeScore(r, p, denominator > 0 ? Round5(p * r / denominator) : 0);
        }

        return scores;
    }

    /// <summary>The tokens ROUGE scores: limited, normalised, filtered, and (with -m) stemmed.</summary>
    public List<string> Tokens(IReadOnlyList<string> sentences)
    {
        var text = Limit(sentences.Select(LowerAscii).ToList());
        var normal = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c == '-')
            {
                normal.Append(" - ");
            }
            else
            {
                normal.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : ' ');
            }
        }

        var tokens = new List<string>();
        foreach (var token in normal.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (options.RemoveStopwords && stopwords.Contains(token))
            {
                continue;
            }

            if (token[0] is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '$'))
            {
                continue;
            }

            tokens.Add(options.Stem && token.Length > 3 ? exceptions.GetValueOrDefault(token) ?? PorterStemmer.StemAsPerlReference(token) : token);
        }

        return tokens;
    }

    /// <summary>-l keeps whole sentences while they fit under the limit, then the first words of the next; -b does the same in characters.</summary>
    private string Limit(List<string> sentences)
    {
        if (options.WordLimit is { } words)
        {
            var kept = new List<string>();
            var count = 0;
            foreach (var sentence in sentences)
            {
                var parts = sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (count + parts.Length < words)
                {
                    kept.Add(sentence);
                    count += parts.Length;
                    continue;
                }

                kept.Add(string.Join(' ', parts.Take(words - count)));
                break;
            }

            return string.Join(' ', kept);
        }

        if (options.ByteLimit is { } bytes)
        {
            var kept = new List<string>();
            var count = 0;
            foreach (var sentence in sentences)
            {
                if (count + sentence.Length < bytes)
                {
                    kept.Add(sentence);
                    count += sentence.Length;
                    continue;
                }

                kept.Add(sentence[..(bytes - count)]);
                break;
            }

            return string.Join(' ', kept);
        }

        return string.Join(' ', sentences);
    }

    private static string LowerAscii(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
    });

    private static Dictionary<string, int> Grams(List<string> tokens, int n, out long total)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        total = Math.Max(0, tokens.Count - n + 1);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(n));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    /// <summary>sprintf("%7.5f"): the exact binary value rounded to five decimals.</summary>
    public static double Round5(double value) => double.Parse(value.ToString("F5", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// The script's "Average": the mean of 1,000 bootstrap resample means, resample i drawn with Perl's
    /// drand48 seeded by srand(i), over items sorted by id; the 95% interval from the sorted resample means.
    /// </summary>
    public static RougeAverage Average(IReadOnlyList<(string Id, double Value)> items, int resamples = 1000, double confidence = 95)
    {
        var sorted = items.OrderBy(i => i.Id, StringComparer.Ordinal).Select(i => i.Value).ToArray();
        var n = sorted.Length;
        var samples = new double[resamples];
        const ulong mask = (1UL << 48) - 1;
        for (var i = 0; i < resamples; i++)
        {
            var x = ((ulong)i << 16) | 0x330E;
            double sum = 0;
            for (var k = 0; k < n; k++)
            {
                x = ((0x5DEECE66DUL * x) + 0xB) & mask;
                var index = (int)(n * (x / 281474976710656.0));
                sum += sorted[index];
            }

            samples[i] = sum / n;
        }

        var average = samples.Sum() / resamples;
        Array.Sort(samples);
        var delta = resamples * ((100 - confidence) / 2) / 100;
        var lowIndex = (int)delta;
        var highIndex = (int)(resamples - delta - 1);
        var ratio = resamples - delta - 1 - highIndex;
        var low = samples[lowIndex] + ((samples[lowIndex + 1] - samples[lowIndex]) * ratio);
        var high = samples[highIndex] + ((samples[highIndex + 1] - samples[highIndex]) * ratio);
        return new RougeAverage(Round5(average), Round5(low), Round5(high));
    }

    /// <summary>A file of sentences in SPL form: one sentence per non-empty line.</summary>
    public static List<string> ReadSentences(string path) =>
        File.ReadAllLines(path, Encoding.Latin1).Where(l => l.Trim().Length > 0).ToList();

    /// <summary>The WordNet exception table (inflected form, tab, lemma).</summary>
    public static Dictionary<string, string> ReadExceptions(string path) =>
        File.ReadLines(path).Select(l => l.Split('\t')).Where(p => p.Length == 2).GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
}
