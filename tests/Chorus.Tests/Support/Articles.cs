using Chorus.Extraction;
using Chorus.Text;

namespace Chorus.Tests.Support;

/// <summary>Hand-made articles for tests.</summary>
internal static class Articles
{
    public static Article Make(string id, string text, string? title = null, string? site = null, DateTimeOffset? published = null) =>
        new(id, id + ".txt", null, title, site ?? id, null, published, "en", text);

    public static AnalyzedArticle Analyzed(string id, string text, string? title = null, string? site = null, DateTimeOffset? published = null) =>
        TextAnalyzer.Analyze(Make(id, text, title, site, published));
}
