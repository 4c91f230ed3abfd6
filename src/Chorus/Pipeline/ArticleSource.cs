using Chorus.Extraction;
using Chorus.Ingest;

namespace Chorus.Pipeline;

/// <summary>Articles read from a set of paths, with every input that failed and why.</summary>
public sealed record ArticleBatch(IReadOnlyList<Article> Articles, IReadOnlyList<Diagnostic> Problems, IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>Inputs passed over by reason (an archive's request records, non-HTML responses), with their counts.</summary>
    public IReadOnlyDictionary<string, int> Skipped { get; init; } = new Dictionary<string, int>();

    /// <summary>How many input items were read: articles plus rejections plus skipped records.</summary>
    public int Inputs => Articles.Count + Problems.Count + Skipped.Values.Sum();
}

/// <summary>Reads and extracts articles from paths, giving each a unique id (a repeated id gets a "-2" suffix).</summary>
public sealed class ArticleSource(InputLimits limits, Func<Stream>? openStdin = null)
{
    public ArticleSource() : this(InputLimits.Default)
    {
    }

    /// <summary>Streams extraction results in input order; ids are made unique across the stream.</summary>
    public IEnumerable<ExtractionResult> Read(IEnumerable<string> paths)
    {
        var reader = new InputReader(limits, openStdin);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in reader.Read(paths))
        {
            var result = ArticleExtractor.Extract(item, limits.MaxPageTime);
            if (result.Article is { } article)
            {
                var count = seen.GetValueOrDefault(article.Id) + 1;
                seen[article.Id] = count;
                if (count > 1)
                {
                    var unique = $"{article.Id}-{count}";
                    while (seen.ContainsKey(unique))
                    {
                        unique += "x";
                    }

                    seen[unique] = 1;
                    result = result with
                    {
                        Article = article with
                        {
                            Id = unique,
                            Diagnostics = [.. article.Diagnostics, Diagnostic.Warning(article.Source, $"id '{article.Id}' was already used; this article is '{unique}'")],
                        },
                    };
                }
            }

            yield return result;
        }
    }

    public ArticleBatch ReadAll(IEnumerable<string> paths)
    {
        var articles = new List<Article>();
        var problems = new List<Diagnostic>();
        var warnings = new List<Diagnostic>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var result in Read(paths))
        {
            if (result.Skipped is { } reason)
            {
                skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
            }

            if (result.Article is { } article)
            {
                articles.Add(article);
                warnings.AddRange(article.Diagnostics);
            }
            else if (result.Problem is { } problem)
            {
                problems.Add(problem);
            }
        }

        return new ArticleBatch(articles, problems, warnings) { Skipped = skipped };
    }
}
