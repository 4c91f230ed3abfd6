namespace Chorus.Similarity;

/// <summary>
/// The centroid of a growing set of unit vectors, kept as a running sum with its squared norm, so adding a member
/// and taking a cosine both cost the size of one article's vector, not the story's.
/// </summary>
public sealed class RunningCentroid
{
    private readonly Dictionary<int, double> _sum = [];
    private double _normSquared;

    public int Count { get; private set; }

    public void Add(SparseVector vector)
    {
        // ||s + v||^2 = ||s||^2 + 2 s.v + ||v||^2
        var dot = 0.0;
        var selfSquared = 0.0;
        for (var i = 0; i < vector.Length; i++)
        {
            double weight = vector.Weights[i];
            dot += _sum.GetValueOrDefault(vector.Terms[i]) * weight;
            selfSquared += weight * weight;
        }

        _normSquared += (2 * dot) + selfSquared;
        for (var i = 0; i < vector.Length; i++)
        {
            _sum[vector.Terms[i]] = _sum.GetValueOrDefault(vector.Terms[i]) + vector.Weights[i];
        }

        Count++;
    }

    public void Add(RunningCentroid other)
    {
        var dot = 0.0;
        foreach (var (term, weight) in other._sum)
        {
            dot += _sum.GetValueOrDefault(term) * weight;
        }

        _normSquared += (2 * dot) + other._normSquared;
        foreach (var (term, weight) in other._sum)
        {
            _sum[term] = _sum.GetValueOrDefault(term) + weight;
        }

        Count += other.Count;
    }

    /// <summary>Cosine between a unit vector and the centroid's direction.</summary>
    public double Cosine(SparseVector vector)
    {
        if (_normSquared <= 0)
        {
            return 0;
        }

        var dot = 0.0;
        for (var i = 0; i < vector.Length; i++)
        {
            dot += _sum.GetValueOrDefault(vector.Terms[i]) * vector.Weights[i];
        }

        return dot / Math.Sqrt(_normSquared);
    }

    /// <summary>Cosine between a unit vector that was added and the centroid of the others: the vector left out.</summary>
    public double CosineWithout(SparseVector member)
    {
        var dot = 0.0;
        for (var i = 0; i < member.Length; i++)
        {
            dot += _sum.GetValueOrDefault(member.Terms[i]) * member.Weights[i];
        }

        var self = 0.0;
        foreach (var weight in member.Weights)
        {
            self += weight * weight;
        }

        // |s - v|^2 = |s|^2 - 2 s.v + |v|^2, and (s - v).v = s.v - |v|^2.
        var rest = _normSquared - (2 * dot) + self;
        return Count <= 1 || rest <= 1e-9 ? 0 : (dot - self) / Math.Sqrt(rest);
    }

    public double Cosine(RunningCentroid other)
    {
        if (_normSquared <= 0 || other._normSquared <= 0)
        {
            return 0;
        }

        var (small, large) = _sum.Count <= other._sum.Count ? (_sum, other._sum) : (other._sum, _sum);
        var dot = 0.0;
        foreach (var (term, weight) in small)
        {
            if (large.TryGetValue(term, out var w))
            {
                dot += weight * w;
            }
        }

        return dot / Math.Sqrt(_normSquared * other._normSquared);
    }

    /// <summary>The ids of the heaviest terms of the centroid.</summary>
    public IEnumerable<int> TopTerms(int count) =>
        _sum.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(count).Select(p => p.Key);
}
