namespace Chorus.Similarity;

/// <summary>Document frequencies over a set of documents, for inverse document frequency weights.</summary>
public sealed class DocumentFrequencies
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Documents { get; private set; }

    public void Add(IEnumerable<string> distinctTerms)
    {
        Documents++;
        foreach (var term in distinctTerms)
        {
            _counts[term] = _counts.GetValueOrDefault(term) + 1;
        }
    }

    /// <summary>Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1.</summary>
    public double Idf(string term) => Math.Log((Documents + 1.0) / (_counts.GetValueOrDefault(term) + 1.0)) + 1.0;
}

/// <summary>A sparse, L2-normalised weighted term vector with cosine similarity.</summary>
public sealed class TermVector
{
    private readonly Dictionary<string, double> _weights;

    private TermVector(Dictionary<string, double> weights) => _weights = weights;

    public IReadOnlyDictionary<string, double> Weights => _weights;

    /// <summary>tf-idf with sub-linear term frequency, normalised to unit length.</summary>
    public static TermVector FromCounts(IEnumerable<KeyValuePair<string, double>> counts, DocumentFrequencies? frequencies)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, count) in counts)
        {
            if (count <= 0)
            {
                continue;
            }

            var weight = (1 + Math.Log(count)) * (frequencies?.Idf(term) ?? 1.0);
            weights[term] = weights.GetValueOrDefault(term) + weight;
        }

        return Normalised(weights);
    }

    public double Cosine(TermVector other)
    {
        var (small, large) = _weights.Count <= other._weights.Count ? (_weights, other._weights) : (other._weights, _weights);
        var dot = 0.0;
        foreach (var (term, weight) in small)
        {
            if (large.TryGetValue(term, out var w))
            {
                dot += weight * w;
            }
        }

        return dot;
    }

    /// <summary>The heaviest terms, for candidate lookup in an inverted index.</summary>
    public IEnumerable<string> TopTerms(int count) => _weights.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count).Select(p => p.Key);

    private static TermVector Normalised(Dictionary<string, double> weights)
    {
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm > 0)
        {
            foreach (var term in weights.Keys.ToList())
            {
                weights[term] /= norm;
            }
        }

        return new TermVector(weights);
    }
}
