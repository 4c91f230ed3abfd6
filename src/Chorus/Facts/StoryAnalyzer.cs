using Chorus.Clustering;

namespace Chorus.Facts;

/// <summary>
/// Analyses one story: copies and origins, merged entities, fact slots aligned into agreements and
/// conflicts, merged quotes, and source trust. A pure function of the story's articles.
/// </summary>
public static class StoryAnalyzer
{
    public static StoryAnalysis Analyze(Story story)
    {
        var articles = story.Articles;
        var copies = CopyDetector.Detect(articles);
        var origin = articles.ToDictionary(a => a.Id, a => a.Id, StringComparer.Ordinal);
        foreach (var link in copies)
        {
            origin[link.ArticleId] = link.SourceId;
        }

        string OriginOf(string id) => origin.GetValueOrDefault(id, id);
        var texts = articles.ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);

        var entities = EntityMerger.Merge(articles, OriginOf);
        var slots = articles.SelectMany(a => FactSlotExtractor.Extract(a, entities)).ToList();
        var changed = SlotAligner.Changed(slots, OriginOf, id => texts[id]);
        var (agreements, conflicts) = SlotAligner.Align(slots, OriginOf, id => texts[id], changed);
        var deviations = SlotAligner.Deviations(changed, id => texts[id]);
        var sources = SourceTrustScorer.Score(articles, copies, entities, conflicts, deviations, OriginOf);
        var quality = sources.ToDictionary(s => s.ArticleId, s => s.Quality, StringComparer.Ordinal);
        var quotes = QuoteMerger.Merge(articles, entities, OriginOf, id => quality.GetValueOrDefault(id, 1));
        return new StoryAnalysis(story, copies, origin, entities, slots, agreements, conflicts, quotes, sources);
    }
}
