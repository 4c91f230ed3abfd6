namespace Chorus.Storage;

/// <summary>Opens the store a --db value names: a postgres:// URL is a PostgreSQL server, anything else a SQLite file.</summary>
public static class Stores
{
    public static IStore Open(string target, bool mustExist = false, TimeSpan? writeWait = null) =>
        PostgresStore.IsUrl(target) ? PostgresStore.Open(target, mustExist, writeWait) : SqliteStore.Open(target, mustExist, writeWait);

    /// <summary>
    /// The stories of an existing store by what they hold: each story as its articles' content hashes, sorted and joined,
    /// and the stories sorted. Two stores group the same texts alike exactly when these lists are equal, whatever
    /// numbers their stories and ids their articles were given (by how many writers, in what order).
    /// </summary>
    public static List<string> StoriesByContent(string target)
    {
        using var store = Open(target, mustExist: true);
        return store.ArticleIndex(featuresVersion: "")
            .GroupBy(x => x.Story, StringComparer.Ordinal)
            .Select(g => string.Join(",", g.Select(x => x.Hash).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
