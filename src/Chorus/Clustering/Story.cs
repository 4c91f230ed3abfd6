using Chorus.Text;

namespace Chorus.Clustering;

/// <summary>A story: its id and member articles in arrival order.</summary>
public sealed record Story(string Id, IReadOnlyList<AnalyzedArticle> Articles);

/// <summary>How an article derives from another.</summary>
public enum CopyKind
{
    /// <summary>The same text.</summary>
    Exact,

    /// <summary>The same text under other chrome, with small edits.</summary>
    NearDuplicate,

    /// <summary>Most sentences derive from the source: a rewrite, spin or translation.</summary>
    Rewrite,
}

/// <summary>An article found to copy another (its origin), with the evidence score.</summary>
public sealed record CopyLink(string ArticleId, string SourceId, CopyKind Kind, double Score);

/// <summary>
/// Stories found on light features: the articles' ids in input order, each story as indices into them (in the order
/// the clusterer created the stories), and each article's copy print, from which the copies of every story follow.
/// </summary>
public sealed record LightStories(IReadOnlyList<string> Ids, IReadOnlyList<IReadOnlyList<int>> Stories, IReadOnlyList<CopyPrint> Prints)
{
    /// <summary>Every copy link, story by story (in parallel): article id to the id of the article it copies.</summary>
    public Dictionary<string, string> Copies() =>
        Stories.Where(s => s.Count > 1)
            .AsParallel()
            .SelectMany(s => CopyDetector.Detect(s.Select(i => Prints[i]).ToList()))
            .ToDictionary(c => c.ArticleId, c => c.SourceId, StringComparer.Ordinal);
}
