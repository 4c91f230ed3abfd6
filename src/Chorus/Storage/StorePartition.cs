using System.Data.Common;
using System.Globalization;

namespace Chorus.Storage;

/// <summary>
/// A part of the store that one writer at a time assigns stories in: the articles of one language whose publication
/// time (or, for an undated one, its ingest time) falls in one fourteen-day window. Its <see cref="Key"/> ("en/1460")
/// is stored with each article, so that a writer can read a partition's articles alone.
/// <para>
/// Writers of different partitions write at once on PostgreSQL. Story assignment looks a clustering window either side
/// of an article, so a writer takes the partitions <see cref="Around"/> its articles' own, and writers of neighbouring
/// windows still take turns: a story that straddles a window's edge is never grown from both sides at once.
/// </para>
/// </summary>
public readonly record struct StorePartition(string Language, long Window) : IComparable<StorePartition>
{
    /// <summary>How much time one window spans: the clusterer's default window, so an article's candidates lie in its own window and the next ones.</summary>
    public static readonly TimeSpan Width = TimeSpan.FromDays(14);

    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Language}/{Window}");

    /// <summary>The partition of an article of this language published (or, undated, ingested) at this time.</summary>
    public static StorePartition Of(string? language, DateTimeOffset? published, DateTimeOffset ingested) =>
        new(LanguageOf(language), WindowOf(published ?? ingested));

    /// <summary>
    /// The partition itself and its neighbours within <paramref name="reach"/> (the clusterer's window): the partitions
    /// whose articles an article of this one may share a story with.
    /// </summary>
    public IEnumerable<StorePartition> Around(TimeSpan reach)
    {
        var windows = (long)Math.Ceiling(reach / Width);
        for (var w = Window - windows; w <= Window + windows; w++)
        {
            yield return this with { Window = w };
        }
    }

    /// <summary>
    /// The primary subtag of a language tag in lower case ("en-GB" and "EN" are "en"), so that a page's declaration and
    /// the guess from its words fall in one partition; "" when there is none.
    /// </summary>
    internal static string LanguageOf(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return "";
        }

        var primary = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is >= 2 and <= 3 && primary.All(char.IsAsciiLetterLower) ? primary : "";
    }

    private static long WindowOf(DateTimeOffset when) =>
        (long)Math.Floor((when.UtcDateTime - DateTime.UnixEpoch) / Width);

    /// <summary>The advisory lock of this partition on PostgreSQL: a stable hash of the language, and the window.</summary>
    internal (int Language, int Window) LockKeys()
    {
        var hash = 2166136261u; // FNV-1a: the same in every process, unlike string.GetHashCode
        foreach (var c in Language)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (unchecked((int)hash), unchecked((int)Window));
    }

    public int CompareTo(StorePartition other) =>
        string.CompareOrdinal(Language, other.Language) is var byLanguage and not 0 ? byLanguage : Window.CompareTo(other.Window);

    public override string ToString() => Key;

    /// <summary>
    /// Fills in the partition key of articles stored before keys were kept (a migration step): read from each one's
    /// language, publication time and ingest time, as <see cref="Of"/> gives it.
    /// </summary>
    internal static void FillIn(DbConnection connection, DbTransaction transaction)
    {
        var keys = new List<(long Seq, string Key)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT seq, language, published, ingested_at FROM articles WHERE part IS NULL";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var published = reader.IsDBNull(2) ? (DateTimeOffset?)null : DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture);
                var ingested = DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture);
                keys.Add((reader.GetInt64(0), Of(reader.IsDBNull(1) ? null : reader.GetString(1), published, ingested).Key));
            }
        }

        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE articles SET part = @part WHERE seq = @seq";
        var part = update.CreateParameter();
        part.ParameterName = "@part";
        var seq = update.CreateParameter();
        seq.ParameterName = "@seq";
        update.Parameters.Add(part);
        update.Parameters.Add(seq);
        foreach (var (s, key) in keys)
        {
            (part.Value, seq.Value) = (key, s);
            update.ExecuteNonQuery();
        }
    }
}
