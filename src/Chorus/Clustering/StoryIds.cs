namespace Chorus.Clustering;

/// <summary>
/// Gives the stories of a new clustering the ids of the stories they continue, so that a revision does not rename
/// what a reader already knows: each id goes to the new story holding most of its articles (the larger share first),
/// and a story that continues none gets a fresh id ("s" and the next free number).
/// </summary>
public static class StoryIds
{
    /// <param name="groups">The new stories, as indices of their members.</param>
    /// <param name="current">Each member's story id until now.</param>
    /// <param name="next">The number of the next fresh id.</param>
    /// <returns>Each member's story id after the revision.</returns>
    public static string[] Keep(IReadOnlyList<IReadOnlyList<int>> groups, IReadOnlyList<string> current, int next)
    {
        var shares = new List<(int Group, string Id, int Count, int First)>();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var share in groups[g].GroupBy(m => current[m], StringComparer.Ordinal))
            {
                shares.Add((g, share.Key, share.Count(), share.Min()));
            }
        }

        var idOf = new string?[groups.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var share in shares.OrderByDescending(x => x.Count).ThenBy(x => x.First))
        {
            if (idOf[share.Group] is null && taken.Add(share.Id))
            {
                idOf[share.Group] = share.Id;
            }
        }

        var result = new string[current.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var id = idOf[g] ??= $"s{next++}";
            foreach (var member in groups[g])
            {
                result[member] = id;
            }
        }

        return result;
    }
}
