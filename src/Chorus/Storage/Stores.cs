namespace Chorus.Storage;

/// <summary>Opens the store a --db value names: a postgres:// URL is a PostgreSQL server, anything else a SQLite file.</summary>
public static class Stores
{
    public static IStore Open(string target, bool mustExist = false, TimeSpan? writeWait = null) =>
        PostgresStore.IsUrl(target) ? PostgresStore.Open(target, mustExist, writeWait) : SqliteStore.Open(target, mustExist, writeWait);
}
