using Chorus.Facts;

namespace Chorus.Tests.Facts;

public class StatementGrouperTests
{
    [Fact]
    public void AnswersThatShareTheirWordsAndValuesFormOneGroup()
    {
        var groups = StatementGrouper.Group(["until July 2026", "July 2026", "the fund pays for new nets", "new nets paid by the fund"]);
        Assert.Equal([[0, 1], [2, 3]], groups);
    }

    [Fact]
    public void DifferentDurationsOrFiguresNeverShareAGroup()
    {
        var groups = StatementGrouper.Group(["two more years", "three more years", "talks in 2025", "talks in 2026"]);
        Assert.Equal(4, groups.Count);
    }
}
