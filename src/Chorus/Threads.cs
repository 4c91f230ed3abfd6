namespace Chorus;

/// <summary>How many threads a stage runs on: a count given by the user, where 0 means one a core.</summary>
public static class Threads
{
    /// <summary>
    /// <paramref name="map"/> of every item, in the items' order, on <paramref name="threads"/> threads (0: one a
    /// core). One thread runs in the caller's, without the parallel machinery.
    /// </summary>
    public static List<TResult> InOrder<TItem, TResult>(IReadOnlyList<TItem> items, int threads, Func<TItem, TResult> map) =>
        threads == 1
            ? items.Select(map).ToList()
            : items.AsParallel().AsOrdered().WithDegreeOfParallelism(threads > 0 ? threads : Environment.ProcessorCount).Select(map).ToList();
}
