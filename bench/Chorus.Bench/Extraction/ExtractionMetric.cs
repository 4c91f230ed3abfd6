using System.Globalization;
using System.Text;

namespace Chorus.Bench.Extraction;

/// <summary>One document's shingle counts: true positives, false positives and false negatives, normalised to weight 1.</summary>
internal readonly record struct DocumentScore(double Tp, double Fp, double Fn, bool ExactTokens)
{
    /// <summary>1 when nothing is wrong, 0 when nothing predicted is right, else tp / (tp + fp).</summary>
    public double Precision => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fp == 0 ? 0 : Tp / (Tp + Fp);

    public double Recall => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fn == 0 ? 0 : Tp / (Tp + Fn);

    public bool CountsForPrecision => Tp + Fp > 0;

    public bool CountsForRecall => Tp + Fn > 0;
}

/// <summary>Corpus scores: macro P and R, F1 of those, and the share of exactly right documents.</summary>
internal readonly record struct CorpusScore(double F1, double Precision, double Recall, double Accuracy);

/// <summary>
/// The article-extraction benchmark's metric, exactly: Python 3 <c>\w+</c> tokens over code points
/// (letters Lu Ll Lt Lm Lo, numbers Nd Nl No, and '_'), case kept; token 4-gram shingles as a multiset
/// (a text of 1-3 tokens is one shorter shingle); per-document tp/fp/fn divided by their sum; macro precision
/// over documents with tp+fp &gt; 0 and recall over documents with tp+fn &gt; 0; F1 = 2PR/(P+R).
/// </summary>
internal static class ExtractionMetric
{
    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>Python's <c>\w</c> for str patterns: str.isalnum() or '_'; isalnum is a letter (L*) or a numeric character (Nd, Nl, No).</summary>
    public static bool IsWordRune(Rune rune)
    {
        if (rune.Value == '_')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    public static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return counts;
        }

        var last = Math.Max(1, tokens.Count - 3);
        for (var i = 0; i < last; i++)
        {
            var key = string.Join('\u0001', tokens.Skip(i).Take(4));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    public static DocumentScore Score(string? truth, string? prediction)
    {
        var trueTokens = Tokens(truth);
        var predictedTokens = Tokens(prediction);
        var t = Shingles(trueTokens);
        var p = Shingles(predictedTokens);
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in t.Keys.Union(p.Keys))
        {
            var ct = t.GetValueOrDefault(key);
            var cp = p.GetValueOrDefault(key);
            tp += Math.Min(ct, cp);
            fp += Math.Max(0, cp - ct);
            fn += Math.Max(0, ct - cp);
        }

        var sum = tp + fp + fn;
        if (sum > 0)
        {
            tp /= sum;
            fp /= sum;
            fn /= sum;
        }

        return new DocumentScore(tp, fp, fn, trueTokens.SequenceEqual(predictedTokens, StringComparer.Ordinal));
    }

    public static CorpusScore Corpus(IReadOnlyList<DocumentScore> documents)
    {
        var forPrecision = documents.Where(d => d.CountsForPrecision).ToList();
        var forRecall = documents.Where(d => d.CountsForRecall).ToList();
        var precision = forPrecision.Count == 0 ? 0 : forPrecision.Average(d => d.Precision);
        var recall = forRecall.Count == 0 ? 0 : forRecall.Average(d => d.Recall);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var accuracy = documents.Count == 0 ? 0 : documents.Count(d => d.ExactTokens) / (double)documents.Count;
        return new CorpusScore(f1, precision, recall, accuracy);
    }

    /// <summary>Standard deviations (n-1) of F1, P, R and accuracy over bootstrap resamples of the documents.</summary>
    public static CorpusScore Bootstrap(IReadOnlyList<DocumentScore> documents, int resamples, int seed)
    {
        var random = new Random(seed);
        var samples = new List<CorpusScore>(resamples);
        var draw = new DocumentScore[documents.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < draw.Length; i++)
            {
                draw[i] = documents[random.Next(documents.Count)];
            }

            samples.Add(Corpus(draw));
        }

        static double Sd(IEnumerable<double> values)
        {
            var list = values.ToList();
            var mean = list.Average();
            return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
        }

        return new CorpusScore(Sd(samples.Select(s => s.F1)), Sd(samples.Select(s => s.Precision)), Sd(samples.Select(s => s.Recall)), Sd(samples.Select(s => s.Accuracy)));
    }
}
