using Chorus.Facts;
using Chorus.Tests.Support;

namespace Chorus.Tests.Facts;

public class EntityMergerTests
{
    [Fact]
    public void ASurnameWithATitleJoinsThePersonWhoHoldsThatTitleNotTheOneNamedLast()
    {
        var first = Articles.Analyzed("a", "A relief convoy headed by Lea Varga and her husband, Vice President Al Varga, crossed into Valmora on Friday.");
        var second = Articles.Analyzed("b", "Lea Varga visited a flooded school in Port Senna on Saturday. Vice President Varga said more aid would follow within days.");
        var entities = EntityMerger.Merge([first, second], id => id);

        var al = Assert.Single(entities, e => e.Name == "Al Varga");
        Assert.Contains(al.Mentions, m => m.ArticleId == "b" && m.Mention.Name == "Varga");
        var lea = Assert.Single(entities, e => e.Name == "Lea Varga");
        Assert.DoesNotContain(lea.Mentions, m => m.Mention.Name == "Varga");
    }
}
