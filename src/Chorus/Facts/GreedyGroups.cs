namespace Chorus.Facts;

/// <summary>Groups items in one pass: each item joins the first group it fits, or starts a new one.</summary>
internal static class GreedyGroups
{
    public static List<List<T>> Of<T>(IEnumerable<T> items, Func<List<T>, T, bool> fits)
    {
        var groups = new List<List<T>>();
        foreach (var item in items)
        {
            var home = groups.FirstOrDefault(g => fits(g, item));
            if (home is null)
            {
                groups.Add([item]);
            }
            else
            {
                home.Add(item);
            }
        }

        return groups;
    }
}
