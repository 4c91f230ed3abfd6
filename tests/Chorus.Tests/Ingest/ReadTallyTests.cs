using Chorus.Pipeline;

namespace Chorus.Tests.Ingest;

public sealed class ReadTallyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chorus-tally-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ArticlesConsumedOneAtATimeStillAccountForEveryInput()
    {
        File.WriteAllText(Path.Combine(_directory, "feed.jsonl"), """
            {"id":"a","text":"Ferry crews in Halden walked out on Monday over pay and rosters."}
            {broken
            {"id":"b","text":"The ferry strike in Halden ended on Tuesday after a night of talks."}

            """);
        File.WriteAllText(Path.Combine(_directory, "empty.txt"), "");
        var tally = new ReadTally();
        var ids = new List<string>();
        foreach (var article in tally.Articles(new ArticleSource().Read([_directory])))
        {
            ids.Add(article.Id);
        }

        var batch = new ArticleSource().ReadAll([_directory]);
        Assert.Equal(["a", "b"], ids);
        Assert.Equal(2, tally.Problems.Count);
        Assert.Equal(batch.Inputs, ids.Count + tally.Problems.Count + tally.Skipped.Values.Sum());
        Assert.Equal(batch.Problems, tally.Problems);
    }
}
