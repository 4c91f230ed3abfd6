namespace Chorus.Clustering;

/// <summary>Thresholds of the story clusterer; the defaults were chosen by a sweep on the development part of the clustering bench (see BENCHMARKS.md).</summary>
public sealed record ClusteringOptions
{
    /// <summary>Least cosine between an article and a story's centroid for the article to join it.</summary>
    public double JoinThreshold { get; init; } = 0.15;

    /// <summary>Least cosine between two story centroids for the merge step to join them.</summary>
    public double MergeThreshold { get; init; } = 0.3;

    /// <summary>How many sentences from the top of an article describe it: the lead names the event, the rest drifts.</summary>
    public int LeadSentences { get; init; } = 15;

    /// <summary>Weight of each named-entity mention relative to a body term.</summary>
    public double EntityWeight { get; init; } = 1;

    /// <summary>
    /// Weight of each number (a count, an amount, a year) relative to a word: numbers tell two events of one kind apart.
    /// Chosen on the development part of the events bench, and by four of five topic folds there (the fifth chose 3).
    /// </summary>
    public double NumberWeight { get; init; } = 2;

    /// <summary>Weight of title terms relative to body terms.</summary>
    public double TitleWeight { get; init; } = 3;

    /// <summary>Stories whose dated articles lie further than this from a dated article are not candidates.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(14);

    /// <summary>How many of an article's heaviest terms look up candidate stories.</summary>
    public int CandidateTerms { get; init; } = 20;

    /// <summary>
    /// A new story splits in two when its parts' mean cosine across, with terms weighed within the story, is under this
    /// share of their mean cosine within (<see cref="StorySplitter"/>); 0 never splits. Chosen on the development part of
    /// the events bench, and by four of five topic folds there (the fifth chose 0.5); see BENCHMARKS.md.
    /// </summary>
    public double SplitShare { get; init; } = 0.45;

    public static ClusteringOptions Default { get; } = new();
}
