using System.Net;
using System.Text;
using System.Text.Json;
using Chorus.Ingest;
using Chorus.IntegrationTests.Support;

namespace Chorus.IntegrationTests.Web;

/// <summary>The local web page and JSON API over a store, through a real host on a loopback port.</summary>
public sealed class WebHostTests
{
    private const string TwoReports = """
        {"id":"port-1","title":"Narva port to close for repairs","site":"Narva Daily","text":"Kaarel Kask said the port of Narva would close for repairs in June. The works will cost 3 million euros, the port authority said on Tuesday."}
        {"id":"port-2","title":"Narva port closing in June","site":"Baltic Wire Service","text":"The port of Narva will close for repairs in June, Kaarel Kask said on Tuesday. The repairs will cost 3 million euros, according to the port authority."}

        """;

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static StringContent Jsonl(string lines) => new(lines, Encoding.UTF8, "application/x-ndjson");

    [Fact]
    public async Task TheFrontPageListsEveryStoredStoryWithALinkToItsBrief()
    {
        await using var served = await ServedStore.StartAsync(null, Repository.Samples);
        var response = await served.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var stories = await Json(await served.Client.GetAsync("/api/stories"));
        Assert.NotEqual(0, stories.GetProperty("stories").GetArrayLength());
        foreach (var story in stories.GetProperty("stories").EnumerateArray())
        {
            Assert.Contains($"href=\"stories/{story.GetProperty("id").GetString()}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheStoriesApiListsTheLargestStoryFirst()
    {
        await using var served = await ServedStore.StartAsync(null, Repository.Samples);
        var stories = (await Json(await served.Client.GetAsync("/api/stories"))).GetProperty("stories").EnumerateArray().ToList();
        var sizes = stories.Select(s => s.GetProperty("articles").GetInt32()).ToList();
        Assert.Equal(sizes.OrderDescending(), sizes);
        Assert.Equal(8, sizes[0]);
        Assert.Contains("cod", stories[0].GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AStoryBriefAsJsonFollowsTheBriefSchemaAndTheWordCap()
    {
        await using var served = await ServedStore.StartAsync(null, Repository.Samples);
        var id = (await Json(await served.Client.GetAsync("/api/stories"))).GetProperty("stories")[0].GetProperty("id").GetString();
        var response = await served.Client.GetAsync($"/api/stories/{id}?words=30");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var brief = await Json(response);
        Assert.Empty(JsonSchemaValidator.Load(Path.Combine(Repository.Root, "docs", "brief.schema.json")).Validate(brief));
        var summary = brief.GetProperty("stories")[0].GetProperty("summary").EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.NotEmpty(summary);
        Assert.InRange(summary.Sum(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length), 1, 30);
    }

    [Fact]
    public async Task AStoryPageEncodesTheArticlesMarkupAndForbidsScripts()
    {
        await using var served = await ServedStore.StartAsync();
        // Markup in a text field is read as HTML on the way in, so the literal tags that must come out escaped are
        // given as character references (read as the text "<script>..."); a raw tag beside them is stripped on input.
        var hostile = TwoReports.Replace("Narva port to close", "&lt;script&gt;alert(1)&lt;/script&gt; Narva port to close", StringComparison.Ordinal)
            .Replace("would close for repairs", "would close &lt;img src=x onerror=alert(2)&gt; <img src=x onerror=alert(3)> for repairs", StringComparison.Ordinal);
        var upload = await Json(await served.Client.PostAsync("/api/articles", Jsonl(hostile)));
        var story = upload.GetProperty("newStories")[0].GetString();

        foreach (var page in new[] { "/", $"/stories/{story}" })
        {
            var response = await served.Client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task AnUploadIsCountedLikeAnIngestAndTheCountsAddUp()
    {
        await using var served = await ServedStore.StartAsync();
        var first = await served.Client.PostAsync("/api/articles", Jsonl(TwoReports + "not json\n"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var counts = await Json(first);
        Assert.Equal((3, 2, 0, 1), (counts.GetProperty("inputs").GetInt32(), counts.GetProperty("stored").GetInt32(), counts.GetProperty("duplicates").GetInt32(), counts.GetProperty("rejected").GetInt32()));
        var problem = Assert.Single(counts.GetProperty("problems").EnumerateArray());
        Assert.Equal("upload.jsonl:3", problem.GetProperty("input").GetString());
        Assert.Contains("invalid JSON", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(counts.GetProperty("newStories").EnumerateArray());

        var again = await Json(await served.Client.PostAsync("/api/articles", Jsonl(TwoReports)));
        Assert.Equal((0, 2), (again.GetProperty("stored").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(2, served.ArticleCount());
    }

    [Fact]
    public async Task AnUploadAnswersWithWhatWasDroppedFromTheArticlesItStored()
    {
        await using var served = await ServedStore.StartAsync();
        const string record = """{"id":"ferry","title":"Harbour news","text":"The ferry to Vormsi will run twice a day from Monday, the operator said on Friday.\n\nLeave a comment"}""";
        var answer = await Json(await served.Client.PostAsync("/api/articles", Jsonl(record + "\n")));

        var warning = Assert.Single(answer.GetProperty("problems").EnumerateArray());
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Contains("dropped as page chrome", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadNamedByItsFileGivesTheArticleItsIdAndKind()
    {
        await using var served = await ServedStore.StartAsync();
        var page = "<html><head><title>Ferry line opens in Narva</title></head><body><article><p>Marta Ilves opened the new ferry line in Narva on Monday. The line will carry 400 passengers a day between the two harbours, officials said.</p></article></body></html>";
        var response = await served.Client.PostAsync("/api/articles?name=ferry-line.html", new StringContent(page, Encoding.UTF8, "application/octet-stream"));
        Assert.Equal(1, (await Json(response)).GetProperty("stored").GetInt32());
        var story = (await Json(await served.Client.GetAsync("/api/stories"))).GetProperty("stories")[0];
        Assert.Equal("Ferry line opens in Narva", story.GetProperty("title").GetString());
        var brief = await Json(await served.Client.GetAsync($"/api/stories/{story.GetProperty("id").GetString()}"));
        Assert.Equal("ferry-line", brief.GetProperty("singles")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnUploadOfNothingButBadInputIsUnprocessableAndStoresNothing()
    {
        await using var served = await ServedStore.StartAsync();
        var response = await served.Client.PostAsync("/api/articles", Jsonl("not json\n{\"id\":\"x\"}\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(2, (await Json(response)).GetProperty("rejected").GetInt32());
        Assert.Equal(0, served.ArticleCount());
    }

    [Fact]
    public async Task AnEmptyUploadIsABadRequestThatSaysWhatToSend()
    {
        await using var served = await ServedStore.StartAsync();
        var response = await served.Client.PostAsync("/api/articles", Jsonl(""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("body is empty", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadAboveTheLimitIsRefusedWithTheLimit()
    {
        await using var served = await ServedStore.StartAsync(new InputLimits { MaxPageBytes = 1024 });
        var response = await served.Client.PostAsync("/api/articles", Jsonl(new string('x', 10_000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("4 KiB", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, served.ArticleCount());
    }

    [Fact]
    public async Task AnUnknownStoryIsNotFoundAndNamed()
    {
        await using var served = await ServedStore.StartAsync(null, Repository.Samples);
        var response = await served.Client.GetAsync("/api/stories/s999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no story 's999'", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await served.Client.GetAsync("/stories/s999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await served.Client.GetAsync("/api/nothing-here")).StatusCode);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("many")]
    [InlineData("100000")]
    public async Task AWordCapOutsideTheRangeIsABadRequest(string words)
    {
        await using var served = await ServedStore.StartAsync(null, Repository.Samples);
        var response = await served.Client.GetAsync($"/api/stories/s1?words={words}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("words must be", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherWebSiteCannotAddArticles()
    {
        await using var served = await ServedStore.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = Jsonl(TwoReports) };
        request.Headers.Add("Origin", "http://news.example");
        var response = await served.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, served.ArticleCount());
    }

    [Fact]
    public async Task TheServersOwnPagesMayStillCallIt()
    {
        await using var served = await ServedStore.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = Jsonl(TwoReports) };
        request.Headers.Add("Origin", served.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, (await served.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task OnALoopbackAddressAnotherHostNameIsRefused()
    {
        await using var served = await ServedStore.StartAsync(null, Repository.Samples);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stories");
        request.Headers.Host = "rebound.example";
        var response = await served.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("only to localhost", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthSaysHowManyStoriesTheStoreHolds()
    {
        await using var served = await ServedStore.StartAsync(null, Repository.Samples);
        var health = await Json(await served.Client.GetAsync("/api/health"));
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal((await Json(await served.Client.GetAsync("/api/stories"))).GetProperty("stories").GetArrayLength(), health.GetProperty("stories").GetInt32());
    }

    [Fact]
    public async Task TheStoriesComeInPagesThatAddUpToTheWhole()
    {
        await using var served = await ServedStore.StartAsync(null, Repository.Samples);
        var all = await Json(await served.Client.GetAsync("/api/stories"));
        var total = all.GetProperty("total").GetInt32();
        Assert.Equal(total, all.GetProperty("stories").GetArrayLength());
        var ids = new List<string>();
        for (var offset = 0; offset < total; offset += 2)
        {
            var page = await Json(await served.Client.GetAsync($"/api/stories?offset={offset}&limit=2"));
            ids.AddRange(page.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
        }

        Assert.Equal(all.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetString()!), ids);
        var html = await served.Client.GetStringAsync("/?offset=1&limit=1");
        Assert.Contains($"2-2 of {total} stories", html, StringComparison.Ordinal);
        Assert.Contains("href=\"?offset=0&amp;limit=1\">Larger stories", html, StringComparison.Ordinal);
        Assert.Contains("href=\"?offset=2&amp;limit=1\">Smaller stories", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await served.Client.GetAsync("/api/stories?limit=0")).StatusCode);
    }

    [Fact]
    public async Task AStoreThatCannotBeReadIsReportedWithItsReasonAndTheServerGoesOn()
    {
        await using var served = await ServedStore.StartAsync();
        File.Delete(served.StorePath + "-wal");
        File.Delete(served.StorePath + "-shm");
        await File.WriteAllTextAsync(served.StorePath, "this is not a database, only some text that is long enough to be read as a page of one");
        var response = await served.Client.GetAsync("/api/stories");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("cannot open the store", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await served.Client.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task ABriefShownBeforeIsBuiltAgainWhenItsStoryGainsAnArticle()
    {
        await using var served = await ServedStore.StartAsync();
        var story = (await Json(await served.Client.PostAsync("/api/articles", Jsonl(TwoReports)))).GetProperty("newStories")[0].GetString();
        int Sources(JsonElement brief) => brief.GetProperty("stories")[0].GetProperty("sources").GetArrayLength();
        Assert.Equal(2, Sources(await Json(await served.Client.GetAsync($"/api/stories/{story}"))));
        Assert.Equal(2, Sources(await Json(await served.Client.GetAsync($"/api/stories/{story}"))));

        const string third = """{"id":"port-3","title":"Narva port shuts for June repairs","site":"Harbour Gazette","text":"Kaarel Kask said on Tuesday that the port of Narva would close for repairs in June. The port authority put the cost of the works at 3 million euros."}""";
        var grown = await Json(await served.Client.PostAsync("/api/articles", Jsonl(third + "\n")));
        Assert.Equal(story, grown.GetProperty("grownStories")[0].GetString());
        Assert.Equal(3, Sources(await Json(await served.Client.GetAsync($"/api/stories/{story}"))));
    }
}
