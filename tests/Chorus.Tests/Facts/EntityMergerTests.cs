using Chorus.Facts;
using Chorus.Tests.Support;

namespace Chorus.Tests.Facts;

public class EntityMergerTests
{
    [Fact]
    public void ASurnameWithATitleJoinsThePersonWhoHoldsThatTitleNotTheOneNamedLast()
    {
        var first = Articles.Analyzed("a", "The delegation was led by Tipper Gore, wife of Vice President Al Gore, and reached Honduras on Friday.");
        var second = Articles.Analyzed("b", "Tipper Gore visited a shelter in Tegucigalpa on Saturday. Vice President Gore said more aid would follow within days.");
        var entities = EntityMerger.Merge([first, second], id => id);

        var al = Assert.Single(entities, e => e.Name == "Al Gore");
        Assert.Contains(al.Mentions, m => m.ArticleId == "b" && m.Mention.Name == "Gore");
        var tipper = Assert.Single(entities, e => e.Name == "Tipper Gore");
        Assert.DoesNotContain(tipper.Mentions, m => m.Mention.Name == "Gore");
    }
}
