using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Sdk;

namespace Chorus.IntegrationTests.Support;

/// <summary>
/// Fresh stores for tests on either engine: a SQLite file in a temporary folder, or a new database on the PostgreSQL
/// server that CHORUS_TEST_POSTGRES names (./test.sh starts one where it can). Disposing drops what was made.
/// </summary>
public sealed class TestStores : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly List<string> _databases = [];

    /// <summary>The PostgreSQL server for tests, as a postgres:// URL to any of its databases, or null.</summary>
    public static string? Server => Environment.GetEnvironmentVariable("CHORUS_TEST_POSTGRES") is { Length: > 0 } url ? url : null;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("chorus-store-").FullName;

    /// <summary>The --db target of a store not made yet: a file path, or the URL of a database with a fresh name.</summary>
    public string New(string engine, string name = "chorus")
    {
        if (engine == Sqlite)
        {
            return Path.Combine(Directory, name + ".db");
        }

        var database = $"chorus_test_{Guid.NewGuid():N}";
        _databases.Add(database);
        return new UriBuilder(Server!) { Path = "/" + database }.Uri.ToString();
    }

    /// <summary>Runs one statement on a store, on a connection of its own, as another program would; returns the first value.</summary>
    public static object? Sql(string target, string sql) => Column<object>(target, sql).FirstOrDefault();

    /// <summary>The first column of a query's rows.</summary>
    public static List<T> Column<T>(string target, string sql)
    {
        using var connection = Connect(target);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<T>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                values.Add((T)reader.GetValue(0));
            }
        }

        return values;
    }

    /// <summary>
    /// Holds the store's write lock from another connection, as a writer in another process would, until the returned
    /// transaction ends: BEGIN IMMEDIATE on SQLite, the writers' advisory lock on PostgreSQL.
    /// </summary>
    public static (DbConnection Connection, DbTransaction Transaction) HoldWriteLock(string target)
    {
        var connection = Connect(target);
        if (connection is SqliteConnection sqlite)
        {
            return (connection, sqlite.BeginTransaction(deferred: false));
        }

        var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(x'63686F727573'::bigint)";
        command.ExecuteNonQuery();
        return (connection, transaction);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_databases.Count > 0 && Server is { } server)
        {
            using var admin = Connect(new UriBuilder(server) { Path = "/postgres" }.Uri.ToString());
            foreach (var database in _databases)
            {
                using var command = admin.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE)";
                command.ExecuteNonQuery();
            }
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static DbConnection Connect(string target)
    {
        DbConnection connection = Chorus.Storage.PostgresStore.IsUrl(target)
            ? new NpgsqlConnection(Chorus.Storage.PostgresStore.Settings(target, TimeSpan.FromMinutes(1)).ConnectionString)
            : new SqliteConnection($"Data Source={target};Pooling=False");
        connection.Open();
        return connection;
    }
}

/// <summary>Runs a theory on a SQLite store: its one argument is <see cref="TestStores.Sqlite"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[TestStores.Sqlite]];
}

/// <summary>
/// Runs a theory on a PostgreSQL store: its one argument is <see cref="TestStores.Postgres"/>. Skipped, with the
/// reason, when no server is configured.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (TestStores.Server is null)
        {
            Skip = "no PostgreSQL for tests: ./test.sh starts one when it runs as root, or set CHORUS_TEST_POSTGRES=postgres://USER@HOST:PORT/postgres";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[TestStores.Postgres]];
}
