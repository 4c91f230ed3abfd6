using Chorus.Facts;
using Chorus.Tests.Support;

namespace Chorus.Tests.Facts;

public class QuoteExtractorTests
{
    private static List<(string Text, string? Speaker)> Quotes(string text)
    {
        var article = Articles.Analyzed("a", text);
        return QuoteExtractor.Extract(article).Select(q => (q.Span.Of(text), q.Speaker?.Of(text))).ToList();
    }

    [Fact]
    public void ASpeakerIntroducedByWhereSheLivesIsThePersonNotThePlace()
    {
        var quote = Assert.Single(Quotes("“I have spent more on diesel this month than in all of spring,” said Narva, Estonia, trawler owner Marta Ilves, who fishes for cod."));
        Assert.Equal("Marta Ilves", quote.Speaker);
    }

    [Fact]
    public void ASpeakerDescribedBetweenCommasStillSpeaks()
    {
        Assert.Equal("Marta Ilves", Assert.Single(Quotes("\"We will not give up on the ferry,\" Marta Ilves, the mayor of Narva, told reporters on Monday.")).Speaker);
        Assert.Equal("Kaarel Kask", Assert.Single(Quotes("Kaarel Kask, who chairs the port board, said the closure was \"a painful but necessary step for the town\" this year.")).Speaker);
    }

    [Theory]
    [InlineData("Liisa Tamm, the fisheries minister, was very blunt: \"The cod stocks of the eastern Baltic are gone.\"")]
    [InlineData("The minister, Liisa Tamm, was blunt: \"The cod stocks of the eastern Baltic are gone.\"")]
    [InlineData("The fisheries minister, Liisa Tamm, said: \"The cod stocks of the eastern Baltic are gone.\"")]
    public void ANameBeforeAColonSpeaksWhateverDescribesIt(string text) =>
        Assert.Equal("Liisa Tamm", Assert.Single(Quotes(text)).Speaker);

    [Fact]
    public void ADayBeforeTheVerbIsNoSpeaker() =>
        Assert.NotEqual("Monday", Assert.Single(Quotes("Rep. Marta Ilves, D-Ida., who attended the meeting Monday, said, \"We have done what we could for the port.\"")).Speaker);

    [Fact]
    public void ADescribedNameAfterAQuoteThatEndsItsSentenceOpensTheNextSentence()
    {
        var quote = Assert.Single(Quotes("Marta Ilves admitted that \"the winter catch was the worst in ten years.\" But the trawler owner, hurt by many bad seasons, warned that the spring would be no better."));
        Assert.Equal("Marta Ilves", quote.Speaker);
    }

    [Fact]
    public void AShortUtteranceCountsWhenSomeoneSaidIt()
    {
        var quotes = Quotes("\"This is a disaster for the town,\" Ilves said. \"We warned them,\" she added. \"Nobody listened.\" The harbour faces \"serious losses\" ahead.");
        Assert.Equal(["This is a disaster for the town", "We warned them", "Nobody listened."], quotes.Select(q => q.Text));
        Assert.All(quotes, q => Assert.Equal("Ilves", q.Speaker));
    }

    [Theory]
    [InlineData("Kaarel Kask warned of \"serious losses\" ahead.", "serious losses")]
    [InlineData("Marta Ilves called the quota \"reckless\" on Monday.", "reckless")]
    [InlineData("Kaarel Kask described the catch as \"thin at best.\"", "thin at best.")]
    public void AShortPhraseCountsWhenItsOwnSentenceSaysWhoGaveIt(string text, string phrase)
    {
        var quote = Assert.Single(Quotes(text));
        Assert.Equal(phrase, quote.Text);
        Assert.NotNull(quote.Speaker);
    }

    [Fact]
    public void AParagraphEndingInAColonIntroducesTheQuoteThatOpensTheNext() =>
        Assert.Equal("Marta Ilves", Assert.Single(Quotes("Marta Ilves told the harbour council on Monday:\n\n“The trawlers stay in port until the ice is gone.”")).Speaker);

    [Fact]
    public void AShortQuoteThatNoPersonGivesIsNoQuote() =>
        Assert.Empty(Quotes("The charge falls under a section called \"harbour safety,\" which covers any protest at the port."));

    [Fact]
    public void ADescriptionMayHoldCapitalisedWords() =>
        Assert.Equal("a senior Narva Port official", Assert.Single(Quotes("“The trawlers stay in port until the ice is gone,” a senior Narva Port official said.")).Speaker);

    [Fact]
    public void AQuoteRunsOverParagraphsWhenTheTextPutsEachSentenceInOneOfItsOwn()
    {
        var quote = Assert.Single(Quotes("Marta Ilves spoke after the vote.\n\n“We lost the winter.\n\nWe will not lose the spring,” she said.\n\nThe port reopens in May."));
        Assert.Equal("We lost the winter.\n\nWe will not lose the spring", quote.Text);
        Assert.Equal("Marta Ilves", quote.Speaker);
    }

    [Fact]
    public void ALongQuoteWhoseNextParagraphOpensWithAMarkAgainIsOneQuote()
    {
        var quote = Assert.Single(Quotes("Marta Ilves said: “The winter was the worst in ten years.\n“The spring will be no better for the trawlers.”"));
        Assert.StartsWith("The winter was the worst", quote.Text, StringComparison.Ordinal);
        Assert.EndsWith("no better for the trawlers.", quote.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOpeningMarkNeverClosedIsNoQuoteAndTheNextQuoteIsStillFound()
    {
        var quotes = Quotes("The mayor called the plan “a start.\n\nOn Monday Marta Ilves said “We will rebuild the quay before the summer.”");
        Assert.Equal(("We will rebuild the quay before the summer.", "Marta Ilves"), Assert.Single(quotes));
    }

    [Theory]
    [InlineData("“The plant will stay closed for the whole winter, “Kaarel Kask said in a statement.")]
    [InlineData("\"The plant will stay closed for the whole winter, \"Kaarel Kask said in a statement.")]
    public void AClosingMarkTurnedIntoAnOpeningOneStillClosesTheQuote(string text) =>
        Assert.Equal(("The plant will stay closed for the whole winter", "Kaarel Kask"), Assert.Single(Quotes(text)));

    [Fact]
    public void AQuoteWithoutAttributionInTheNextParagraphContinuesTheSpeakerBeforeIt()
    {
        var quotes = Quotes("“The winter was the worst in ten years,” Marta Ilves said.\n\n“The spring will be no better for the trawlers.”");
        Assert.Equal(["Marta Ilves", "Marta Ilves"], quotes.Select(q => q.Speaker));
    }

    [Fact]
    public void AQuoteOpeningTheSentenceAfterOneWhoseSubjectSaidSomethingIsThatPersonsWords()
    {
        var quotes = Quotes("Kaarel Kask said the crews had done all they could.\n\n“They are a very close team and they will sail again.”\n\nThe port reopens in May.");
        Assert.Equal("Kaarel Kask", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void AQuoteAfterASentenceWhoseSubjectSaidNothingHasNoSpeakerFromIt() =>
        Assert.Null(Assert.Single(Quotes("Kaarel Kask met the crews on Monday.\n\n“They are a very close team and they will sail again.”")).Speaker);

    [Theory]
    [InlineData("Harbour spokesman Kaarel Kask had said yesterday, “The ferries will sail again once the ice is gone.”")]
    [InlineData("“The ferries will sail again once the ice is gone,” Kaarel Kask later told reporters.")]
    public void AnAuxiliaryOrAnAdverbBeforeTheVerbStillAttributes(string text) =>
        Assert.Equal("Kaarel Kask", Assert.Single(Quotes(text)).Speaker);

    [Fact]
    public void ASentenceThatAlsoSaysSomethingAfterAFinishedQuoteDoesNotTakeItOver()
    {
        var quotes = Quotes("``We must see the site,'' Kask said. ``If it is a fuel depot, it must close.'' He also said the talks would go on. Tamm agreed.");
        Assert.Equal(["Kask", "Kask"], quotes.Select(q => q.Speaker));
    }

    [Fact]
    public void ATitleInQuotationMarksIsNotAQuote() =>
        Assert.Empty(Quotes("Marta Ilves, who wrote “The Last Cod Of The Baltic Sea”, said little at the meeting."));

    [Fact]
    public void AQuotedSentenceIsStillAQuote() =>
        Assert.Single(Quotes("Marta Ilves said: “The last cod of the Baltic Sea will not wait for us.”"));

    [Fact]
    public void WireArchiveTypewriterQuotesAreQuotes()
    {
        var quote = Assert.Single(Quotes("``The boats will stay in port until the quota is clear,'' said Sergei Valenko, the council chair."));
        Assert.Equal(("The boats will stay in port until the quota is clear", "Sergei Valenko"), quote);
    }

    [Fact]
    public void AnUnattributedQuoteAfterAnAttributedOneInTheSameParagraphContinuesIt()
    {
        var quotes = Quotes("“We are not trying to close the fishery,” Valenko admitted on Monday. “But the stocks need two quiet years.”");
        Assert.Equal(["Valenko", "Valenko"], quotes.Select(q => q.Speaker));
    }

    [Fact]
    public void ASpeakerWithATitleAndAnAdverbBeforeTheVerbIsFound()
    {
        var quote = Assert.Single(Quotes("“Prices will fall once the boats are back,” the council's chief economist Liisa Tamm recently explained."));
        Assert.Equal("Liisa Tamm", quote.Speaker);
    }

    [Fact]
    public void SheDoesNotPointBackToAMansName() =>
        Assert.Equal("Marta Ilves", Assert.Single(Quotes("Marta Ilves met Sergei Valenko in Narva. ``The nets came up empty three days running,'' she said.")).Speaker);

    [Fact]
    public void APronounIsNotTheNameInThePossessiveBeforeIt()
    {
        var quotes = Quotes("Liisa Tamm thought Valenko's answer was weak.\n“Those crews will be the first to lose their jobs,” she said.");
        Assert.Equal("Liisa Tamm", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void AQuoteAfterMoreNarrativeDoesNotContinueTheLastSpeaker()
    {
        var quotes = Quotes("``The boats will stay in port,'' Valenko said. Hundreds gathered at the harbour in the evening. Some had come from Tartu. ``We only want to fish again,'' said a young man who gave only his first name.");
        Assert.Equal(["Valenko", "a young man"], quotes.Select(q => q.Speaker));
    }

    [Theory]
    [InlineData("“The boats will stay in port until spring,” a source close to the council said.", "a source close to the council")]
    [InlineData("“The boats will stay in port until spring,” her spokesman told reporters.", "her spokesman")]
    [InlineData("“The boats will stay in port until spring,” Tamm's spokesman said.", "Tamm's spokesman")]
    [InlineData("“The boats will stay in port until spring,” said a friend of the minister.", "a friend of the minister")]
    public void SomeoneDescribedButNotNamedSpeaksAsDescribed(string text, string speaker) =>
        Assert.Equal(speaker, Assert.Single(Quotes(text)).Speaker);

    [Fact]
    public void AQuoteRightAfterAnAttributedOneInTheNextParagraphIsTheSameSpeakers()
    {
        var quotes = Quotes("Marta Ilves, from the harbour board, said: “The fire started on the quay.”\n\n“It spread to the sheds within minutes.”");
        Assert.Equal(["Marta Ilves", "Marta Ilves"], quotes.Select(q => q.Speaker));
    }

    [Fact]
    public void AnInvertedAttributionBeforeTheQuoteNamesTheSpeaker() =>
        Assert.Equal("Liisa Tamm", Assert.Single(Quotes("Added Liisa Tamm, ``We owe it to the crews to look at the quota again.''")).Speaker);

    [Fact]
    public void AQuoteInsideTheSpeakersOwnSentenceIsTheirs() =>
        Assert.Equal("Sergei Valenko", Assert.Single(Quotes("The talks ended late. Sergei Valenko conceded that the deal ``will cost every trawler on the coast a season.''")).Speaker);

    [Fact]
    public void APronounSpeaksForAPersonNamedBeforeItNotForOneNamedInItsOwnSentence()
    {
        var quote = Assert.Single(Quotes("Council chair Sergei Valenko tried to calm the crews. He told reporters that Liisa Tamm will ``keep the boats in port until spring.''"));
        Assert.Equal("Sergei Valenko", quote.Speaker);
    }

    [Fact]
    public void AnAgencyCalledItOrATownIsNoSpeaker() =>
        Assert.Null(Assert.Single(Quotes("The weather service in Tallinn said the storm would remain ``a very dangerous storm for the whole coast.''")).Speaker);

    [Fact]
    public void WhomAnAgencyQuotesAsSayingIsTheSpeakerNotTheAgency() =>
        Assert.Equal("Valenko", Assert.Single(Quotes("``The crews will not sail before the quota is clear,'' the Baltic news agency quoted Valenko as saying on Monday.")).Speaker);

    [Fact]
    public void WhomAnAgencyQuotesWithAnAppositionIsTheSpeaker() =>
        Assert.Equal("Marta Ilves", Assert.Single(Quotes("``The nets came up empty,'' the agency quoted Marta Ilves, a trawler owner in Narva, as saying.")).Speaker);

    [Fact]
    public void APersonQuotedInThePassiveIsTheSpeaker() =>
        Assert.Equal("Liisa Tamm", Assert.Single(Quotes("``Those crews will be the first to lose their jobs,'' Liisa Tamm was quoted as saying by the Narva daily.")).Speaker);

    [Fact]
    public void ReportedSpeechBeforeAQuoteNamesItsSpeakerEvenWithATitleInBetween()
    {
        var quote = Assert.Single(Quotes("The agency quoted Fisheries Minister Kaarel Kask as saying that the council ``will meet again before the spring season opens.''"));
        Assert.Equal("Kaarel Kask", quote.Speaker);
    }

    [Fact]
    public void AnOfficeThatQuotesItsOwnerSpeaksForTheOwner() =>
        Assert.Equal("Tamm", Assert.Single(Quotes("Kask left early. ``Nobody wants the boats to stay in port,'' Tamm's office quoted her on Sunday as saying.")).Speaker);

    [Fact]
    public void ANameThatOpensTheNextSentenceAfterAFinishedQuoteIsNotItsSpeaker()
    {
        var quote = Assert.Single(Quotes("The crews met at the harbour. ``The boats stay in port until spring.'' Kask said the council would meet again in March."));
        Assert.Null(quote.Speaker);
    }

    [Fact]
    public void AShortAttributionAfterAFinishedQuoteStillNamesTheSpeaker() =>
        Assert.Equal("Kask", Assert.Single(Quotes("The crews met at the harbour. ``The boats stay in port until spring.'' Kask said on Monday.")).Speaker);

    [Fact]
    public void ARoleInSmallLettersBeforeTheNameIsSkipped() =>
        Assert.Equal("Marta Ilves", Assert.Single(Quotes("``The nets came up empty three days running,'' said fisheries inspector Marta Ilves.")).Speaker);

    [Fact]
    public void ANationalityOrABodyIsNoSpeaker()
    {
        Assert.Null(Assert.Single(Quotes("``They think the quota will never be enforced,'' said the Estonian leader.")).Speaker);
        Assert.Null(Assert.Single(Quotes("``The stocks need two quiet years,'' said the Baltic committee in a statement.")).Speaker);
    }

    [Fact]
    public void ANameWithTheArabicArticleIsKeptWhole() =>
        Assert.Equal("Karim al-Nadir", Assert.Single(Quotes("``The port will reopen when the storm passes,'' said harbour master Karim al-Nadir.")).Speaker);

    [Fact]
    public void ATitleAloneSpeaksButAnAgencyDoesNot()
    {
        Assert.Equal("the minister", Assert.Single(Quotes("Fisheries Minister Liisa Tamm met the crews. ``The quota will not change this year,'' the minister said.")).Speaker);
        Assert.Null(Assert.Single(Quotes("The crews met on Monday. ``The quota will not change this year,'' the agency said.")).Speaker);
        Assert.Equal("the Estonian minister", Assert.Single(Quotes("The crews met on Monday. ``The quota will not change this year,'' the Estonian minister said.")).Speaker);
        Assert.Null(Assert.Single(Quotes("The crews met on Monday. ``The quota will not change this year,'' the Narva city council said.")).Speaker);
        Assert.Equal("the official", Assert.Single(Quotes("The crews met on Monday. ``The quota will not change this year,'' the official said.")).Speaker);
    }

    [Fact]
    public void ASpeakerWhoAgreesSayingSomethingSpeaksIt()
    {
        Assert.Equal("Marta Ilves", Assert.Single(Quotes("Marta Ilves concurred, saying, ``The quota is fair to every harbour.''")).Speaker);
        Assert.Equal("A port official", Assert.Single(Quotes("The crews met on Monday. A port official played down the dispute saying that ``such talks always end in a deal.''")).Speaker);
    }

    [Fact]
    public void ShoutingAndChantingAreWaysOfSaying()
    {
        Assert.Equal("Karl Tamm", Assert.Single(Quotes("The crews met on Monday. ``Leave the harbour now,'' Karl Tamm shouted.")).Speaker);
    }
}
