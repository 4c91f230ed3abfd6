using Chorus.Clustering;
using Chorus.Ingest;
using Chorus.Pipeline;
using Chorus.Storage;
using Chorus.Web;
using Microsoft.AspNetCore.Builder;

namespace Chorus.IntegrationTests.Web;

/// <summary>A store in a temporary directory, served by a real host on a free loopback port, with a client for it.</summary>
internal sealed class ServedStore : IAsyncDisposable
{
    private readonly string _directory;
    private readonly WebApplication _app;

    private ServedStore(string directory, WebApplication app, Uri address)
    {
        _directory = directory;
        _app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public string StorePath => Path.Combine(_directory, "chorus.db");

    /// <summary>Serves a new store holding what <paramref name="paths"/> hold (nothing when none are given).</summary>
    public static async Task<ServedStore> StartAsync(InputLimits? limits = null, params string[] paths)
    {
        var directory = Directory.CreateTempSubdirectory("chorus-web-").FullName;
        var database = Path.Combine(directory, "chorus.db");
        using (var store = SqliteStore.Open(database))
        {
            if (paths.Length > 0)
            {
                new Ingestor(store, InputLimits.Default, ClusteringOptions.Default, TimeProvider.System).Ingest(paths);
            }
        }

        var app = ChorusWebHost.Build(new ServeOptions(database, "http://127.0.0.1:0", Limits: limits));
        await app.StartAsync();
        return new ServedStore(directory, app, ChorusWebHost.Address(app));
    }

    public int ArticleCount()
    {
        using var store = SqliteStore.Open(StorePath, mustExist: true);
        return store.Articles().Count;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
