namespace Chorus.Clustering;

/// <summary>
/// Splits a story that holds two events of one kind. Inside a story the words every article uses (the kind of event,
/// a recurring name) say nothing about which event an article reports; the words only some articles share do (the
/// other fighter, the town, the figures). So the story's articles are weighed again by how rare each term is within
/// the story alone (a term in every article weighs nothing), parted in two by spherical 2-means, and split when the
/// two parts are far less alike across than within: the mean cosine across them under a share
/// (<see cref="ClusteringOptions.SplitShare"/>) of the mean within them. Copies of one report count as one report
/// throughout. A story is split once, and each part needs <see cref="LeastPart"/> reports: two levels of splitting cut
/// single events apart on the events bench (see BENCHMARKS.md).
/// </summary>
public static class StorySplitter
{
    /// <summary>
    /// A story parted in two: the members of each part, how many reports it holds (copies counted once), and the mean
    /// cosines, with terms weighed within the story, of two reports in one part and of two reports in different parts.
    /// </summary>
    public sealed record Parting(IReadOnlyList<int> First, IReadOnlyList<int> Second, int Reports, double Within, double Across);

    /// <summary>Stories with fewer reports (copies of one report count once) are never split.</summary>
    public const int LeastMembers = 2 * LeastPart;

    /// <summary>Each part needs this many reports (copies of one report count once).</summary>
    public const int LeastPart = 4;

    /// <summary>The least cosine of two members' story-weighted vectors for them to count as copies of one report.</summary>
    private const double CopyCosine = 0.6;

    /// <summary>
    /// Larger stories are never split: finding their copies compares every pair, and without the copies a wire story
    /// and its copies would look like an event of their own.
    /// </summary>
    public const int MostMembers = 1000;

    private const int Seeds = 20;
    private const int Rounds = 20;

    /// <summary>The story's members as one part, or as two when they hold two events.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Split(IReadOnlyList<int> members, IReadOnlyList<ClusterItem> items, double share)
    {
        if (share <= 0 || Part(members, items) is not { } parting || parting.Across >= share * parting.Within)
        {
            return [members];
        }

        return [parting.First, parting.Second];
    }

    /// <summary>
    /// The best parting of a story in two, with the mean cosines within and across its parts, or null when the story is
    /// too small or too large to part, or a part would hold fewer than <see cref="LeastPart"/> reports.
    /// </summary>
    public static Parting? Part(IReadOnlyList<int> members, IReadOnlyList<ClusterItem> items) => Part(members, items, given: null);

    /// <summary>
    /// A given parting of a story measured as <see cref="Part(IReadOnlyList{int}, IReadOnlyList{ClusterItem})"/>
    /// measures its own: each unit of copies goes to the side most of its members are on. For benchmarks that compare the
    /// parting found with the true one.
    /// </summary>
    public static Parting? Measure(IReadOnlyList<int> members, IReadOnlyList<ClusterItem> items, IReadOnlySet<int> first) => Part(members, items, first);

    private static Parting? Part(IReadOnlyList<int> members, IReadOnlyList<ClusterItem> items, IReadOnlySet<int>? given)
    {
        if (members.Count < LeastMembers || members.Count > MostMembers)
        {
            return null;
        }

        // Copies of one report are one voice: they are parted and weighed as one unit, or a wire story and its copies
        // would stand apart from the rest of their own event.
        var units = Units(LocalVectors(members.Select(m => (IReadOnlyList<int>)[m]).ToList(), items, out _));
        if (units.Count < LeastMembers)
        {
            return null;
        }

        var vectors = LocalVectors(units.Select(u => (IReadOnlyList<int>)u.Select(i => members[i]).ToList()).ToList(), items, out var dimensions);
        var best = (Labels: (int[]?)null, Objective: double.MinValue);
        if (given is not null)
        {
            best = (units.Select(u => u.Count(i => given.Contains(members[i])) * 2 >= u.Count ? 0 : 1).ToArray(), 0);
        }

        foreach (var seed in given is null ? SeedsOf(vectors, dimensions) : [])
        {
            var labels = TwoMeans(vectors, dimensions, seed);
            var sums = Sums(vectors, dimensions, labels, out var sizes);
            if (sizes[0] == 0 || sizes[1] == 0)
            {
                continue;
            }

            var objective = (Dot(sums[0], sums[0]) / sizes[0]) + (Dot(sums[1], sums[1]) / sizes[1]);
            if (objective > best.Objective)
            {
                best = (labels, objective);
            }
        }

        if (best.Labels is not { } chosen)
        {
            return null;
        }

        var parts = Sums(vectors, dimensions, chosen, out var counts);
        if (Math.Min(counts[0], counts[1]) < (given is null ? LeastPart : 2))
        {
            return null;
        }

        double Within(int k) => (Dot(parts[k], parts[k]) - counts[k]) / (counts[k] * (counts[k] - 1.0));
        IReadOnlyList<int> Members(int k) => units.Where((_, u) => chosen[u] == k).SelectMany(u => u).Order().Select(i => members[i]).ToList();
        return new Parting(
            Members(0),
            Members(1),
            units.Count,
            ((Within(0) * counts[0]) + (Within(1) * counts[1])) / units.Count,
            Dot(parts[0], parts[1]) / (counts[0] * (double)counts[1]));
    }

    /// <summary>Copies: groups of members whose story-weighted vectors have a cosine of at least <see cref="CopyCosine"/>, linked.</summary>
    private static List<List<int>> Units((int[] Index, double[] Weight)[] vectors)
    {
        var parent = Enumerable.Range(0, vectors.Length).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var dense = new double[vectors.Max(v => v.Index.Length == 0 ? 0 : v.Index.Max() + 1)];
        for (var i = 0; i < vectors.Length; i++)
        {
            Add(dense, vectors[i]);
            for (var j = i + 1; j < vectors.Length; j++)
            {
                if (Dot(dense, vectors[j]) >= CopyCosine)
                {
                    parent[Find(j)] = Find(i);
                }
            }

            Array.Clear(dense);
        }

        return Enumerable.Range(0, vectors.Length).GroupBy(Find).Select(g => g.ToList()).ToList();
    }

    /// <summary>
    /// Each group's terms (its members' counts summed) weighted by count times log(n / df), n groups and df counted in
    /// groups, as unit vectors over local term indexes: a term in every group weighs nothing.
    /// </summary>
    private static (int[] Index, double[] Weight)[] LocalVectors(IReadOnlyList<IReadOnlyList<int>> groups, IReadOnlyList<ClusterItem> items, out int dimensions)
    {
        var local = new Dictionary<int, int>();
        var df = new List<int>();
        var counts = groups.Select(group =>
        {
            var summed = new Dictionary<int, double>();
            foreach (var m in group)
            {
                for (var t = 0; t < items[m].Terms.Length; t++)
                {
                    if (!local.TryGetValue(items[m].Terms[t], out var k))
                    {
                        local[items[m].Terms[t]] = k = df.Count;
                        df.Add(0);
                    }

                    summed[k] = summed.GetValueOrDefault(k) + (double)items[m].Counts[t];
                }
            }

            foreach (var k in summed.Keys)
            {
                df[k]++;
            }

            return summed;
        }).ToList();

        dimensions = df.Count;
        var n = (double)groups.Count;
        return counts.Select(summed =>
        {
            var kept = summed.Where(p => df[p.Key] < n).OrderBy(p => p.Key).ToList();
            var weight = kept.Select(p => p.Value * Math.Log(n / df[p.Key])).ToArray();
            var norm = Math.Sqrt(weight.Sum(w => w * w));
            return (kept.Select(p => p.Key).ToArray(), weight.Select(w => norm > 0 ? w / norm : 0).ToArray());
        }).ToArray();
    }

    /// <summary>
    /// Starting pairs for 2-means: each of the reports least like the whole story, with the report least like it.
    /// </summary>
    private static IEnumerable<(int First, int Second)> SeedsOf((int[] Index, double[] Weight)[] vectors, int dimensions)
    {
        var whole = new double[dimensions];
        foreach (var v in vectors)
        {
            Add(whole, v);
        }

        foreach (var first in Enumerable.Range(0, vectors.Length).OrderBy(i => Dot(whole, vectors[i])).ThenBy(i => i).Take(Seeds))
        {
            var dense = new double[dimensions];
            Add(dense, vectors[first]);
            var second = Enumerable.Range(0, vectors.Length).Where(i => i != first).OrderBy(i => Dot(dense, vectors[i])).ThenBy(i => i).First();
            yield return (first, second);
        }
    }

    private static int[] TwoMeans((int[] Index, double[] Weight)[] vectors, int dimensions, (int First, int Second) seed)
    {
        var centroids = new[] { new double[dimensions], new double[dimensions] };
        Add(centroids[0], vectors[seed.First]);
        Add(centroids[1], vectors[seed.Second]);
        var labels = new int[vectors.Length];
        for (var round = 0; round < Rounds; round++)
        {
            var (norm0, norm1) = (Math.Sqrt(Dot(centroids[0], centroids[0])), Math.Sqrt(Dot(centroids[1], centroids[1])));
            var changed = round == 0;
            for (var i = 0; i < vectors.Length; i++)
            {
                var label = Dot(centroids[0], vectors[i]) / Math.Max(norm0, 1e-12) >= Dot(centroids[1], vectors[i]) / Math.Max(norm1, 1e-12) ? 0 : 1;
                changed |= label != labels[i];
                labels[i] = label;
            }

            if (!changed)
            {
                break;
            }

            centroids = Sums(vectors, dimensions, labels, out _);
        }

        return labels;
    }

    private static double[][] Sums((int[] Index, double[] Weight)[] vectors, int dimensions, int[] labels, out int[] sizes)
    {
        var sums = new[] { new double[dimensions], new double[dimensions] };
        sizes = new int[2];
        for (var i = 0; i < vectors.Length; i++)
        {
            Add(sums[labels[i]], vectors[i]);
            sizes[labels[i]]++;
        }

        return sums;
    }

    private static void Add(double[] dense, (int[] Index, double[] Weight) v)
    {
        for (var t = 0; t < v.Index.Length; t++)
        {
            dense[v.Index[t]] += v.Weight[t];
        }
    }

    private static double Dot(double[] dense, (int[] Index, double[] Weight) v)
    {
        var dot = 0.0;
        for (var t = 0; t < v.Index.Length; t++)
        {
            dot += dense[v.Index[t]] * v.Weight[t];
        }

        return dot;
    }

    private static double Dot(double[] a, double[] b)
    {
        var dot = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            dot += a[d] * b[d];
        }

        return dot;
    }
}
