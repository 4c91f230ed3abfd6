using System.Collections.Concurrent;

namespace Chorus.Similarity;

/// <summary>Numbers terms, so that a million articles' features are arrays of integers rather than strings. Thread-safe.</summary>
public sealed class Vocabulary
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private int _next = -1;

    public int Count => _next + 1;

    public int IdOf(string term) => _ids.GetOrAdd(term, _ => Interlocked.Increment(ref _next));
}

/// <summary>A sparse vector over term ids: (term, weight) pairs.</summary>
public readonly record struct SparseVector(int[] Terms, float[] Weights)
{
    public int Length => Terms.Length;

    /// <summary>tf-idf with sub-linear term frequency, normalised to unit length.</summary>
    public static SparseVector Weighted(int[] terms, Half[] counts, Func<int, double> idf)
    {
        var weights = new float[terms.Length];
        var norm = 0.0;
        for (var i = 0; i < terms.Length; i++)
        {
            var w = (1 + Math.Log((double)counts[i])) * idf(terms[i]);
            weights[i] = (float)w;
            norm += w * w;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] *= scale;
            }
        }

        return new SparseVector(terms, weights);
    }

    /// <summary>The ids of the heaviest terms (ties by id), heaviest first.</summary>
    public int[] TopTerms(int count)
    {
        var order = new int[Terms.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var weights = Weights;
        var terms = Terms;
        Array.Sort(order, (x, y) => weights[y] != weights[x] ? weights[y].CompareTo(weights[x]) : terms[x].CompareTo(terms[y]));
        var top = new int[Math.Min(count, order.Length)];
        for (var i = 0; i < top.Length; i++)
        {
            top[i] = terms[order[i]];
        }

        return top;
    }
}

/// <summary>Document frequencies over term ids.</summary>
public sealed class TermFrequencies
{
    private int[] _counts = new int[1024];

    public int Documents { get; private set; }

    public void Add(int[] distinctTerms)
    {
        Documents++;
        foreach (var term in distinctTerms)
        {
            if (term >= _counts.Length)
            {
                Array.Resize(ref _counts, Math.Max(term + 1, _counts.Length * 2));
            }

            _counts[term]++;
        }
    }

    /// <summary>Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1.</summary>
    public double Idf(int term) => Math.Log((Documents + 1.0) / ((term < _counts.Length ? _counts[term] : 0) + 1.0)) + 1.0;
}
