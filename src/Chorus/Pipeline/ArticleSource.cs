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
public sealed class ArticleSource(InputLimits limits, Func<Stream>? openStdin = null, string? stdinName = null)
{
    public ArticleSource() : this(InputLimits.Default)
    {
    }

    /// <summary>Streams extraction results in input order; ids are made unique across the stream.</summary>
    public IEnumerable<ExtractionResult> Read(IEnumerable<string> paths)
    {
        var reader = new InputReader(limits, openStdin, stdinName);
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
        var tally = new ReadTally();
        var articles = tally.Articles(Read(paths)).ToList();
        return new ArticleBatch(articles, tally.Problems, tally.Warnings) { Skipped = tally.Skipped };
    }
}

/// <summary>
/// What a read passed over, noted while its results stream by: failed inputs, warnings and skipped records. Lets a
/// command consume the articles one at a time and still account for every input.
/// </summary>
public sealed class ReadTally
{
    public List<Diagnostic> Problems { get; } = [];

    public List<Diagnostic> Warnings { get; } = [];

    public Dictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

    /// <summary>The articles among the results, in order; the rest is noted here as it passes.</summary>
    public IEnumerable<Article> Articles(IEnumerable<ExtractionResult> results)
    {
        foreach (var result in results)
        {
            if (result.Skipped is { } reason)
            {
                Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;
                if (result.Warning is { } warning)
                {
                    Warnings.Add(warning);
                }
            }

            if (result.Article is { } article)
            {
                Warnings.AddRange(article.Diagnostics);
                yield return article;
            }
            else if (result.Problem is { } problem)
            {
                Problems.Add(problem);
            }
        }
    }
}
