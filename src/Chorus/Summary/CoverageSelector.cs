namespace Chorus.Summary;

/// <summary>
/// Chooses summary sentences under a word budget by greedy maximisation of a monotone submodular objective, after
/// Lin and Bilmes (2011): how well the chosen sentences cover every candidate sentence of the story (each one's
/// coverage saturating at a share of what the whole story gives it), a reward for drawing on different clusters
/// of sentences, and a prior score per sentence. Each step takes the sentence with the best gain per word
/// (words to the power <see cref="Settings.CostExponent"/>) among those the caller says still fit. A sentence that
/// repeats chosen content adds little coverage; the caller may also bar near-repeats outright.
/// </summary>
internal sealed class CoverageSelector
{
    /// <summary>
    /// The objective's settings. Saturation 5, diversity 6 and cost exponent 0.3 are the published defaults; the
    /// prior's weight of 8 was fitted on the first 10 DUC 2004 clusters (the development part).
    /// </summary>
    public sealed record Settings(double Saturation = 5, double Diversity = 6, double CostExponent = 0.3, double PriorWeight = 8)
    {
        public static Settings Default { get; } = new();
    }

    /// <summary>Candidates beyond this many (by prior) are not considered: the similarity matrix grows as its square.</summary>
    public const int MostCandidates = 1500;

    private readonly int[] _pool;
    private readonly IReadOnlyList<int> _cost;
    private readonly IReadOnlyList<double> _prior;
    private readonly Settings _settings;
    private readonly float[][] _similarity;
    private readonly double[] _cap;
    private readonly double[] _reward;
    private readonly int[] _part;
    private readonly double[] _covered;
    private readonly double[] _partReward;
    private readonly bool[] _taken;

    /// <param name="terms">Each candidate's terms, repeated as often as they occur.</param>
    /// <param name="cost">Each candidate's length in words.</param>
    /// <param name="prior">Each candidate's own score (centrality and position).</param>
    public CoverageSelector(IReadOnlyList<string[]> terms, IReadOnlyList<int> cost, IReadOnlyList<double> prior, Settings settings)
    {
        _pool = Enumerable.Range(0, terms.Count).OrderByDescending(i => prior[i]).ThenBy(i => i).Take(MostCandidates).Order().ToArray();
        _cost = cost;
        _prior = prior;
        _settings = settings;
        var n = _pool.Length;
        var vectors = Vectors(_pool.Select(i => terms[i]).ToList());
        _similarity = Similarities(vectors);
        _cap = new double[n];
        _reward = new double[n];
        for (var i = 0; i < n; i++)
        {
            var total = 0.0;
            foreach (var x in _similarity[i])
            {
                total += x;
            }

            _cap[i] = settings.Saturation / n * total;
            _reward[i] = total / n;
        }

        _part = Partition(vectors, Math.Max(1, n / 5));
        _covered = new double[n];
        _partReward = new double[n];
        _taken = new bool[n];
    }

    /// <summary>The candidate not yet taken, among those that <paramref name="fits"/>, whose gain per word is best; null when none gains.</summary>
    public int? Best(Func<int, bool> fits)
    {
        var bestGain = 0.0;
        int? best = null;
        for (var s = 0; s < _pool.Length; s++)
        {
            if (_taken[s] || !fits(_pool[s]))
            {
                continue;
            }

            var row = _similarity[s];
            var gain = 0.0;
            for (var i = 0; i < row.Length; i++)
            {
                gain += Math.Min(_covered[i] + row[i], _cap[i]) - Math.Min(_covered[i], _cap[i]);
            }

            var part = _partReward[_part[s]];
            gain += _settings.Diversity * (Math.Sqrt(part + _reward[s]) - Math.Sqrt(part));
            gain += _settings.PriorWeight * _prior[_pool[s]];
            gain /= Math.Pow(Math.Max(1, _cost[_pool[s]]), _settings.CostExponent);
            if (gain > bestGain)
            {
                bestGain = gain;
                best = _pool[s];
            }
        }

        return best;
    }

    /// <summary>Takes a candidate: what it covers counts from now on, and it is not offered again.</summary>
    public void Take(int candidate)
    {
        var s = Array.BinarySearch(_pool, candidate);
        if (s < 0 || _taken[s])
        {
            return;
        }

        _taken[s] = true;
        var row = _similarity[s];
        for (var i = 0; i < row.Length; i++)
        {
            _covered[i] += row[i];
        }

        _partReward[_part[s]] += _reward[s];
    }

    /// <summary>Unit-length tf-idf vectors, idf over the candidates themselves, as sorted (term id, weight) pairs.</summary>
    private static (int Term, double Weight)[][] Vectors(IReadOnlyList<string[]> terms)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var frequency = new List<int>();
        var counted = new List<Dictionary<int, int>>(terms.Count);
        foreach (var sentence in terms)
        {
            var counts = new Dictionary<int, int>();
            foreach (var term in sentence)
            {
                if (!ids.TryGetValue(term, out var id))
                {
                    ids[term] = id = frequency.Count;
                    frequency.Add(0);
                }

                if (counts.TryAdd(id, 1))
                {
                    frequency[id]++;
                }
                else
                {
                    counts[id]++;
                }
            }

            counted.Add(counts);
        }

        var vectors = new (int, double)[terms.Count][];
        for (var i = 0; i < terms.Count; i++)
        {
            var vector = counted[i].Select(p => (p.Key, p.Value * Math.Log(terms.Count / (double)frequency[p.Key]))).OrderBy(p => p.Key).ToArray();
            var norm = Math.Sqrt(vector.Sum(p => p.Item2 * p.Item2));
            vectors[i] = norm > 0 ? vector.Select(p => (p.Key, p.Item2 / norm)).ToArray() : [];
        }

        return vectors;
    }

    /// <summary>The cosine of every pair of candidates, through an index of terms.</summary>
    private static float[][] Similarities((int Term, double Weight)[][] vectors)
    {
        var postings = new Dictionary<int, List<(int, double)>>();
        for (var i = 0; i < vectors.Length; i++)
        {
            foreach (var (term, weight) in vectors[i])
            {
                (postings.TryGetValue(term, out var list) ? list : postings[term] = []).Add((i, weight));
            }
        }

        var similarity = new float[vectors.Length][];
        for (var i = 0; i < vectors.Length; i++)
        {
            var row = similarity[i] = new float[vectors.Length];
            foreach (var (term, weight) in vectors[i])
            {
                foreach (var (j, other) in postings[term])
                {
                    row[j] += (float)(weight * other);
                }
            }
        }

        return similarity;
    }

    /// <summary>Spherical k-means into <paramref name="k"/> clusters, seeded evenly through the candidates, a few rounds.</summary>
    private static int[] Partition((int Term, double Weight)[][] vectors, int k)
    {
        var n = vectors.Length;
        var terms = vectors.Length == 0 ? 0 : vectors.Max(v => v.Length == 0 ? 0 : v[^1].Term) + 1;
        var part = new int[n];
        for (var i = 0; i < n; i++)
        {
            part[i] = (int)((long)i * k / n);
        }

        // Dense centroids, one row of term weights per cluster: a dot product is then one read per term of the sentence.
        var centroids = new double[k * terms];
        var norms = new double[k];
        for (var round = 0; round < 8; round++)
        {
            Array.Clear(centroids);
            for (var i = 0; i < n; i++)
            {
                var row = part[i] * terms;
                foreach (var (term, weight) in vectors[i])
                {
                    centroids[row + term] += weight;
                }
            }

            for (var c = 0; c < k; c++)
            {
                var sum = 0.0;
                foreach (var x in centroids.AsSpan(c * terms, terms))
                {
                    sum += x * x;
                }

                norms[c] = Math.Sqrt(sum);
            }

            var changed = false;
            for (var i = 0; i < n; i++)
            {
                var best = part[i];
                var bestScore = double.MinValue;
                for (var c = 0; c < k; c++)
                {
                    if (norms[c] == 0)
                    {
                        continue;
                    }

                    var dot = 0.0;
                    var row = c * terms;
                    foreach (var (term, weight) in vectors[i])
                    {
                        dot += weight * centroids[row + term];
                    }

                    if (dot / norms[c] > bestScore)
                    {
                        bestScore = dot / norms[c];
                        best = c;
                    }
                }

                changed |= best != part[i];
                part[i] = best;
            }

            if (!changed)
            {
                break;
            }
        }

        return part;
    }
}
