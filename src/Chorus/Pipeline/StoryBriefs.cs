using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chorus.Storage;
using Chorus.Summary;

namespace Chorus.Pipeline;

/// <summary>What a refresh of the kept briefs did: briefs built, briefs found current, and the time it took.</summary>
public sealed record BriefRefresh(int Built, int Current, TimeSpan Took);

/// <summary>
/// The briefs of stored stories, kept in the store. A story's brief is built from its articles and kept with a
/// fingerprint of what it was built from: the ids of its articles (an article's id names its text), the brief's options,
/// and the build of Chorus that made it. A view whose fingerprint matches reads the kept brief instead of analysing
/// the articles again; one that does not builds it afresh. Writers refresh the briefs of the stories they changed, so
/// a view rarely has to.
/// </summary>
public sealed class StoryBriefs(BriefPipeline pipeline, TimeProvider time)
{
    /// <summary>The build of this Chorus: a brief built by another build (other code, other analysis) is built again.</summary>
    private static readonly string ThisBuild = typeof(StoryBriefs).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public StoryBriefs(BriefPipeline pipeline) : this(pipeline, TimeProvider.System)
    {
    }

    /// <summary>
    /// The brief of a stored story, or null when the store has no such story: the kept one when it was built from the
    /// story's articles as they are, else built now (and kept, when <paramref name="keep"/>).
    /// </summary>
    public Brief? Of(IStore store, string storyId, bool keep = true)
    {
        var members = store.ArticleIdsOf(storyId);
        if (members.Count == 0)
        {
            return null;
        }

        var fingerprint = Fingerprint(members);
        if (store.CachedBrief(storyId) is { } cached && cached.Fingerprint == fingerprint && Read(cached.Brief) is { } kept)
        {
            return kept;
        }

        return Build(store, storyId, keep);
    }

    /// <summary>Builds a story's brief from its stored articles, and keeps it when <paramref name="keep"/>; null when the story has none.</summary>
    private Brief? Build(IStore store, string storyId, bool keep)
    {
        var articles = store.Articles(storyId).Select(x => x.Article).ToList();
        if (articles.Count == 0)
        {
            return null; // merged into another story since the story was read
        }

        var brief = pipeline.OfStory(storyId, articles);
        if (keep)
        {
            try
            {
                // Fingerprinted by the articles it was built from, which may differ from those read first.
                store.SaveBrief(new CachedBrief(storyId, Fingerprint(articles.Select(a => a.Id)), JsonSerializer.Serialize(brief, Json), time.GetUtcNow()));
            }
            catch (Exception e) when (e is StoreException or System.Data.Common.DbException)
            {
                // A store this process may not write (a read-only file, say) still gives its briefs; they are not kept.
            }
        }

        return brief;
    }

    /// <summary>
    /// Builds and keeps the brief of every story of two or more articles whose kept brief is missing or was built from
    /// other articles (or another build); a story of one article is listed, not analysed, so it keeps none.
    /// <paramref name="progress"/> is told the briefs built so far and how many are to be built.
    /// </summary>
    public BriefRefresh Refresh(IStore store, Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var kept = store.BriefFingerprints();
        var stories = store.Stories().Where(s => s.Articles >= 2).Select(s => s.Id).ToList();
        var stale = stories.Where(id => !(kept.TryGetValue(id, out var fingerprint) && fingerprint == Fingerprint(store.ArticleIdsOf(id)))).ToList();
        var built = 0;
        foreach (var story in stale)
        {
            cancellation.ThrowIfCancellationRequested();
            if (Build(store, story, keep: true) is not null)
            {
                built++;
            }

            progress?.Invoke(built, stale.Count);
        }

        return new BriefRefresh(built, stories.Count - stale.Count, stopwatch.Elapsed);
    }

    /// <summary>What a brief of these articles is built from, in a few characters: their ids, the options and the build.</summary>
    public string Fingerprint(IEnumerable<string> articleIds)
    {
        var text = new StringBuilder().Append(ThisBuild).Append('\n').Append(pipeline.Options).Append('\n');
        foreach (var id in articleIds.Order(StringComparer.Ordinal))
        {
            text.Append(id).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32].ToLowerInvariant();
    }

    /// <summary>A kept brief, or null when it cannot be read (kept by a build that wrote another shape): it is built again.</summary>
    private static Brief? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Brief>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
