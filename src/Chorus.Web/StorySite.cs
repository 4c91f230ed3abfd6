using System.Globalization;
using System.Net;
using System.Text.Json;
using Chorus.Clustering;
using Chorus.Ingest;
using Chorus.Pipeline;
using Chorus.Rendering;
using Chorus.Storage;
using Chorus.Summary;
using Microsoft.AspNetCore.Http;

namespace Chorus.Web;

/// <summary>
/// The handlers of <see cref="ChorusWebHost"/>. Each request opens the store for itself (SQLite in WAL mode lets
/// readers work while an upload writes); uploads are stored one at a time, as one ingest run each. Briefs are kept
/// for repeated views while their story's articles stay the same.
/// </summary>
internal sealed class StorySite(ServeOptions options)
{
    private const string Html = "text/html; charset=utf-8";
    private const string Json = "application/json; charset=utf-8";
    private const int FewestWords = 10;
    private const int MostWords = 5000;

    /// <summary>How many stories the web page lists at once.</summary>
    private const int PageSize = 200;

    private readonly SemaphoreSlim _writer = new(1, 1);

    public IResult Index(HttpRequest request) =>
        WithPage(request, PageSize, (store, stories, page) => Results.Text(
            HtmlStoryListRenderer.Render(stories, page, Path.GetFileName(store.Path), id => "stories/" + Uri.EscapeDataString(id)),
            Html));

    public IResult StoryPage(string id, HttpRequest request) =>
        WithBrief(id, request, brief => Results.Text(HtmlBriefRenderer.Render(brief, home: "../"), Html));

    public IResult StoryJson(string id, HttpRequest request) =>
        WithBrief(id, request, brief => Results.Text(JsonBriefRenderer.Render(brief), Json));

    public IResult StoriesJson(HttpRequest request) =>
        WithPage(request, int.MaxValue, (_, stories, page) => JsonResult(StatusCodes.Status200OK, new
        {
            total = page.Total,
            offset = page.Offset,
            stories = stories.Select(StoryLine.Of),
        }));

    public IResult Health() =>
        WithStore(store => JsonResult(StatusCodes.Status200OK, new { status = "ok", store = store.Path, stories = store.StoryCount() }));

    /// <summary>
    /// Ingests the request body as one input, named by the <c>name</c> query parameter (e.g. <c>ferry.html</c>, which
    /// also gives the article's id and the input's kind) or after its content type. The answer gives the ledger
    /// counts, which add up to the inputs read, and the reason for every rejection.
    /// </summary>
    public async Task<IResult> Upload(HttpRequest request, CancellationToken cancel)
    {
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancel);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(e.StatusCode, $"the body is larger than the upload limit of {Bytes.Describe(options.MaxUploadBytes)}; ingest large sets from files with 'chorus ingest'");
        }

        if (body.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "the body is empty; send one input: JSONL or JSON articles, an HTML page, text, a feed or a WARC file");
        }

        var name = UploadName(request);
        await _writer.WaitAsync(cancel);
        try
        {
            return WithStore(
                store =>
                {
                    var ingestor = new Ingestor(store, options.ReadLimits, ClusteringOptions.Default, TimeProvider.System, () => new MemoryStream(body, writable: false), name);
                    var report = ingestor.Ingest(["-"]);
                    var counts = report.Counts;
                    var status = counts.Stored + counts.Duplicates + counts.Skipped > 0 ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
                    return JsonResult(status, new
                    {
                        inputs = counts.Total,
                        stored = counts.Stored,
                        duplicates = counts.Duplicates,
                        rejected = counts.Rejected,
                        skipped = counts.Skipped,
                        newStories = report.NewStories,
                        grownStories = report.GrownStories,
                        movedArticles = report.MovedArticles,
                        problems = report.Problems.Concat(report.Warnings ?? []).Select(p => new { severity = p.Severity == Severity.Error ? "error" : "warning", input = p.Input, offset = p.Offset, message = p.Message }),
                    });
                },
                mustExist: false);
        }
        finally
        {
            _writer.Release();
        }
    }

    public static IResult NotFound(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        return path.StartsWith("/api/", StringComparison.Ordinal)
            ? Problem(StatusCodes.Status404NotFound, $"no such endpoint: {context.Request.Method} {path}; see GET /api/stories, GET /api/stories/ID, POST /api/articles")
            : Results.Text($"<!DOCTYPE html><title>Not found</title><p>Nothing at {WebUtility.HtmlEncode(path)}. <a href=\"/\">All stories</a></p>", Html, statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>An error as JSON: <c>{"error": message, "status": code}</c>.</summary>
    public static IResult Problem(int status, string message) => JsonResult(status, new { error = message, status });

    /// <summary>One page of the stories, largest first, from the <c>offset</c> and <c>limit</c> parameters.</summary>
    private IResult WithPage(HttpRequest request, int defaultLimit, Func<IStore, IReadOnlyList<StoryRow>, StoryPage, IResult> render)
    {
        if (!TryNumber(request, "offset", 0, 0, int.MaxValue, out var offset) || !TryNumber(request, "limit", defaultLimit, 1, int.MaxValue, out var limit))
        {
            return Problem(StatusCodes.Status400BadRequest, "offset must be a whole number from 0, and limit one from 1");
        }

        return WithStore(store =>
        {
            var stories = store.Stories();
            var page = stories.Skip(offset).Take(limit).ToList();
            return render(store, page, new StoryPage(stories.Count, offset, limit));
        });
    }

    private IResult WithBrief(string id, HttpRequest request, Func<Brief, IResult> render)
    {
        if (!TryNumber(request, "words", options.Words, FewestWords, MostWords, out var words))
        {
            return Problem(StatusCodes.Status400BadRequest, $"words must be a whole number from {FewestWords} to {MostWords}");
        }

        return WithStore(store =>
        {
            // Briefs of the default length are kept in the store, where writers refresh them; other lengths are built.
            var brief = new StoryBriefs(new BriefPipeline(ClusteringOptions.Default, new BriefOptions(words))).Of(store, id, keep: words == options.Words);
            if (brief is null)
            {
                return Problem(StatusCodes.Status404NotFound, $"no story '{id}' in {Path.GetFileName(store.Path)}; GET /api/stories lists them");
            }

            return render(brief);
        });
    }

    private IResult WithStore(Func<IStore, IResult> use, bool mustExist = true)
    {
        IStore store;
        try
        {
            store = Stores.Open(options.StorePath, mustExist);
        }
        catch (StoreException e)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, e.Message);
        }

        using (store)
        {
            return use(store);
        }
    }

    /// <summary>A whole-number query parameter within bounds; its default when the request does not give it.</summary>
    private static bool TryNumber(HttpRequest request, string name, int fallback, int least, int most, out int value)
    {
        value = fallback;
        return request.Query[name] is not [{ } given]
            || (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= least && value <= most);
    }

    /// <summary>The name an upload is stored under: the <c>name</c> parameter's file name, or one that says its content type.</summary>
    private static string UploadName(HttpRequest request)
    {
        if (request.Query["name"] is [{ } given] && Path.GetFileName(given.Trim()) is { Length: > 0 } file)
        {
            return file;
        }

        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "application/x-ndjson" or "application/jsonl" or "application/jsonlines" => "upload.jsonl",
            "application/json" => "upload.json",
            "text/html" or "application/xhtml+xml" => "upload.html",
            "text/plain" => "upload.txt",
            "application/rss+xml" or "application/atom+xml" or "application/xml" or "text/xml" => "upload.xml",
            _ => "upload",
        };
    }

    private static IResult JsonResult(int status, object value) =>
        Results.Text(JsonSerializer.Serialize(value, JsonBriefRenderer.Options), Json, statusCode: status);
}
