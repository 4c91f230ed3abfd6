namespace Chorus.Bench.Clustering;

/// <summary>Precision, recall and F1 of a clustering against gold labels.</summary>
internal readonly record struct ClusterScore(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// The two standard clustering scores. Pairwise: over all pairs of articles, a pair is positive when both are in
/// one predicted cluster, true when both are in one gold story. BCubed: per article, precision is the share of its
/// predicted cluster that shares its gold story, recall the share of its gold story that shares its predicted
/// cluster; both averaged over articles.
/// </summary>
internal static class ClusteringMetric
{
    public static ClusterScore Pairwise(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        var ids = gold.Keys.Where(predicted.ContainsKey).ToList();
        long truePositives = 0, predictedPairs = 0, goldPairs = 0;

        // Count through the contingency table instead of all pairs: n(n-1)/2 per cell, per row and per column.
        var cells = new Dictionary<(string, string), long>();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var columns = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var key = (predicted[id], gold[id]);
            cells[key] = cells.GetValueOrDefault(key) + 1;
            rows[predicted[id]] = rows.GetValueOrDefault(predicted[id]) + 1;
            columns[gold[id]] = columns.GetValueOrDefault(gold[id]) + 1;
        }

        static long Pairs(long n) => n * (n - 1) / 2;
        truePositives = cells.Values.Sum(Pairs);
        predictedPairs = rows.Values.Sum(Pairs);
        goldPairs = columns.Values.Sum(Pairs);
        return new ClusterScore(
            predictedPairs == 0 ? 1 : truePositives / (double)predictedPairs,
            goldPairs == 0 ? 1 : truePositives / (double)goldPairs);
    }

    public static ClusterScore BCubed(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        var ids = gold.Keys.Where(predicted.ContainsKey).ToList();
        var cells = new Dictionary<(string, string), int>();
        var clusterSizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var storySizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var key = (predicted[id], gold[id]);
            cells[key] = cells.GetValueOrDefault(key) + 1;
            clusterSizes[predicted[id]] = clusterSizes.GetValueOrDefault(predicted[id]) + 1;
            storySizes[gold[id]] = storySizes.GetValueOrDefault(gold[id]) + 1;
        }

        double precision = 0, recall = 0;
        foreach (var id in ids)
        {
            var shared = cells[(predicted[id], gold[id])];
            precision += shared / (double)clusterSizes[predicted[id]];
            recall += shared / (double)storySizes[gold[id]];
        }

        return ids.Count == 0 ? new ClusterScore(0, 0) : new ClusterScore(precision / ids.Count, recall / ids.Count);
    }
}
