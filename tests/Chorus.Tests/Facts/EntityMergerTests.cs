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

    [Fact]
    public void AFunctionWordThatSoundsLikeASurnameIsNoAlias()
    {
        var article = Articles.Analyzed("a", "Harbour pilot Kaarel Dis spoke to reporters in Narva on Monday. He said: This is the last winter for the old ferry.");
        var dis = Assert.Single(EntityMerger.Merge([article], id => id), e => e.Name == "Kaarel Dis");
        Assert.DoesNotContain(dis.Mentions, m => m.Mention.Name == "This");
    }

    [Fact]
    public void AShortNearMissOfNoKnownKindIsNoGarbledSurnameButALongOneIs()
    {
        var first = Articles.Analyzed("a", "Port spokesman Arvo Rokel said the new airline would fly twice a week. The pilot, Marta Valdemarsson, flew the first plane.");
        var second = Articles.Analyzed("b", "The first plane, a Roker 50, landed in Narva at noon. At the controls was Valdemarson, who has flown the route for years.");
        var entities = EntityMerger.Merge([first, second], id => id);
        Assert.DoesNotContain(Assert.Single(entities, e => e.Name == "Arvo Rokel").Mentions, m => m.Mention.Name == "Roker");
        Assert.Contains(Assert.Single(entities, e => e.Name == "Marta Valdemarsson").Mentions, m => m.Mention.Name == "Valdemarson");
    }

    [Fact]
    public void ATitleAloneJoinsThePersonLastNamedWithThatTitleAndIsNoAlias()
    {
        var article = Articles.Analyzed("a", "Fisheries Minister Liisa Tamm met the crews in Narva. Council chair Sergei Valenko stayed in Tallinn. The minister said the quota would not change.");
        var tamm = Assert.Single(EntityMerger.Merge([article], id => id), e => e.Name == "Liisa Tamm");
        var byTitle = Assert.Single(tamm.Mentions, m => m.Mention.ByTitle);
        Assert.Equal("The minister", byTitle.Mention.Name);
        Assert.DoesNotContain("The minister", tamm.Aliases);
    }

    [Fact]
    public void ATitleAloneNeedsTheSameRankAndPortfolio()
    {
        var article = Articles.Analyzed("a", "Deputy Prime Minister Liisa Tamm and Foreign Minister Kaarel Kask met the crews. The prime minister said nothing.");
        Assert.DoesNotContain(EntityMerger.Merge([article], id => id).SelectMany(e => e.Mentions), m => m.Mention.ByTitle);
    }

    [Fact]
    public void ATitleFollowedByAnotherNameOrAnOfficeIsNotAMention()
    {
        var article = Articles.Analyzed("a", "Council chair Sergei Valenko spoke first. Then the council chair, Marta Ilves, spoke. The chair of the harbour board disagreed. The chair said so.");
        var valenko = Assert.Single(EntityMerger.Merge([article], id => id), e => e.Name == "Sergei Valenko");
        Assert.Equal(["The chair"], valenko.Mentions.Where(m => m.Mention.ByTitle).Select(m => m.Mention.Name));
    }

    [Fact]
    public void TheFormerHolderOfATitleIsNotTheSittingOne()
    {
        var article = Articles.Analyzed("a", "President Kaarel Kask opened the harbour. A spokesman said the former president was pleased.");
        Assert.DoesNotContain(EntityMerger.Merge([article], id => id).SelectMany(e => e.Mentions), m => m.Mention.ByTitle);
    }

    [Fact]
    public void ATitleAloneWithANationalityNeedsAHolderIntroducedWithIt()
    {
        var article = Articles.Analyzed("a", "Estonian minister Liisa Tamm met Latvian minister Kaarel Kask in Narva. The Estonian minister said the quota would hold.");
        var entities = EntityMerger.Merge([article], id => id);
        Assert.Contains(Assert.Single(entities, e => e.Name == "Liisa Tamm").Mentions, m => m.Mention.ByTitle);
        Assert.DoesNotContain(Assert.Single(entities, e => e.Name == "Kaarel Kask").Mentions, m => m.Mention.ByTitle);
    }

    [Fact]
    public void ATitleAloneFindsTheStorysOneHolderNamedEarlierInTheArticle()
    {
        var first = Articles.Analyzed("a", "Fisheries Minister Liisa Tamm opened the talks in Tallinn on Monday.");
        var second = Articles.Analyzed("b", "Liisa Tamm arrived late. The minister said the quota would hold.");
        var tamm = Assert.Single(EntityMerger.Merge([first, second], id => id), e => e.Name == "Liisa Tamm");
        Assert.Contains(tamm.Mentions, m => m.ArticleId == "b" && m.Mention.ByTitle);
    }
}
