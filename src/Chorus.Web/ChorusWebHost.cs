using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chorus.Web;

/// <summary>
/// The local web page and JSON API over one store:
/// <list type="bullet">
/// <item><c>GET /</c>: the stories, largest first, each linking to its brief page;</item>
/// <item><c>GET /stories/{id}</c>: a story's brief as HTML;</item>
/// <item><c>GET /api/stories</c> and <c>GET /api/stories/{id}</c>: the same as JSON, the brief in the schema of
/// <c>docs/brief.schema.json</c>;</item>
/// <item><c>POST /api/articles</c>: ingests the body (JSONL, JSON, HTML, text, a feed or a WARC) like <c>chorus ingest</c>,
/// and answers with the ledger counts and every rejection's reason;</item>
/// <item><c>GET /api/health</c>.</item>
/// </list>
/// Article text is untrusted: pages encode it and forbid scripts. Requests sent by other web sites (an Origin header
/// that is not this server's) and, on a loopback address, requests for another host name (DNS rebinding) are refused.
/// </summary>
public static class ChorusWebHost
{
    /// <summary>Builds the host; start it with <c>StartAsync</c> or <c>RunAsync</c>.</summary>
    public static WebApplication Build(ServeOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ChorusWebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes;
        });

        var app = builder.Build();
        var loopback = IsLoopback(options.Url);
        app.Use(AnswerFailures);
        app.Use((context, next) => Guard(context, next, loopback));

        var site = new StorySite(options);
        app.MapGet("/", site.Index);
        app.MapGet("/stories/{id}", site.StoryPage);
        app.MapGet("/api/health", site.Health);
        app.MapGet("/api/stories", site.StoriesJson);
        app.MapGet("/api/stories/{id}", site.StoryJson);
        app.MapPost("/api/articles", site.Upload);
        app.MapFallback(StorySite.NotFound);
        return app;
    }

    /// <summary>The address the started host listens on (with the port it was given when asked for port 0).</summary>
    public static Uri Address(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("the host is not started");
        return new Uri(first.EndsWith('/') ? first : first + "/");
    }

    /// <summary>Whether the URL names a loopback address, so that only this machine can reach the server.</summary>
    public static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsLoopbackHost(uri.Host);

    /// <summary>A request that fails (a locked or damaged store, say) is answered with the reason as JSON, and the server goes on.</summary>
    private static async Task AnswerFailures(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"chorus serve: {context.Request.Method} {context.Request.Path}: {e.GetType().Name}: {e.Message}");
            await StorySite.Problem(StatusCodes.Status500InternalServerError, $"the request failed: {e.Message}").ExecuteAsync(context);
        }
    }

    private static Task Guard(HttpContext context, RequestDelegate next, bool loopback)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";

        if (loopback && !IsLoopbackHost(request.Host.Host))
        {
            return StorySite.Problem(StatusCodes.Status400BadRequest, $"this server answers only to localhost, not to '{request.Host.Host}'").ExecuteAsync(context);
        }

        // A browser names the page that sent a request; another site's page must not read or add articles here.
        if (request.Headers.Origin is [{ } origin] && !SameOrigin(origin, request))
        {
            return StorySite.Problem(StatusCodes.Status403Forbidden, $"requests from other web sites ({origin}) are refused").ExecuteAsync(context);
        }

        return next(context);
    }

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
