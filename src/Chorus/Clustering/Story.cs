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
