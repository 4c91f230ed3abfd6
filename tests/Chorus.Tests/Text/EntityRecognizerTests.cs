using Chorus.Text;

namespace Chorus.Tests.Text;

public class EntityRecognizerTests
{
    private static List<EntityMention> Recognize(string text) => EntityRecognizer.Recognize(text, SentenceSplitter.Split(text));

    [Fact]
    public void ATitleBeforeANameIsSplitFromItAndADemonymIsAPlace()
    {
        var mentions = Recognize("Council chair Sergei Valenko met Estonian Deputy Fisheries Minister Liisa Tamm in Tallinn.");
        var tamm = Assert.Single(mentions, m => m.Name == "Liisa Tamm");
        Assert.Equal(EntityKind.Person, tamm.Kind);
        Assert.Equal("Deputy Fisheries Minister", tamm.Title);
        Assert.Contains(mentions, m => m is { Name: "Estonian", Kind: EntityKind.Place, Canonical: "Estonia" });
        Assert.Contains(mentions, m => m is { Name: "Tallinn", Kind: EntityKind.Place });
        Assert.Equal("Council chair", Assert.Single(mentions, m => m.Name == "Sergei Valenko").Title);
    }

    [Fact]
    public void ParticlesWrittenSmallStayInsideAPersonsName()
    {
        var mentions = Recognize("Commission President Greta von der Aa met Karim bin Nadir and P.K. de Smet in Narva.");
        Assert.Contains(mentions, m => m is { Name: "Greta von der Aa", Kind: EntityKind.Person, Title: "Commission President" });
        Assert.Contains(mentions, m => m is { Name: "Karim bin Nadir", Kind: EntityKind.Person });
        Assert.Contains(mentions, m => m is { Name: "P.K. de Smet", Kind: EntityKind.Person });
    }

    [Fact]
    public void ANewspapersNameWithAParticleIsNoPerson() =>
        Assert.DoesNotContain(Recognize("The daily Correio de Narva printed the letter."), m => m.Kind == EntityKind.Person);

    [Fact]
    public void AHyphenatedTitleAndARankWithTwoTitleWordsAreTitles()
    {
        var mentions = Recognize("Vice-President Kaja Saar and Police Chief Inspector Arvo Kask arrived.");
        Assert.Contains(mentions, m => m is { Name: "Kaja Saar", Kind: EntityKind.Person, Title: "Vice-President" });
        Assert.Contains(mentions, m => m is { Name: "Arvo Kask", Kind: EntityKind.Person, Title: "Police Chief Inspector" });
    }

    [Fact]
    public void AnAdjectiveMadeFromANameNamesNoOne()
    {
        var mentions = Recognize("The Tallinn-based firm and a New York-based fund bought the Narva-made ferries.");
        Assert.DoesNotContain(mentions, m => m.Name.Contains("Tallinn", StringComparison.Ordinal) || m.Name.Contains("New", StringComparison.Ordinal) || m.Name.Contains("Narva", StringComparison.Ordinal));
    }

    [Fact]
    public void AVenuesWordOpeningASentenceNamesNoPlace() =>
        Assert.DoesNotContain(Recognize("Harbour pilot Kaarel Dis spoke first. Port spokesman Arvo Rokel followed."), m => m.Kind == EntityKind.Place);

    [Fact]
    public void TheLettersOfATimestampNameNoOne() =>
        Assert.Empty(Recognize("the council met again at 2026-03-12T09:00:00+02:00 and at 15M."));

    [Fact]
    public void ATitleOpeningASentenceKeepsItsFirstWord() =>
        Assert.Equal("Prime Minister", Assert.Single(Recognize("Prime Minister Liisa Tamm opened the harbour on Monday."), m => m.Name == "Liisa Tamm").Title);

    [Fact]
    public void TwoCommonWordsWithCapitalsNameNoOneButAGivenNameBeforeOneDoes()
    {
        var mentions = Recognize("The harbour page lists Fuel Prices and Shipping News. Market Close came at six. Marta Long bought the fund.");
        Assert.Equal(["Marta Long"], mentions.Where(m => m.Kind == EntityKind.Person).Select(m => m.Name));
    }

    [Fact]
    public void ASeaIsAPlace() =>
        Assert.Contains(Recognize("The trawlers left port for the Aegean Sea on Monday."), m => m is { Name: "Aegean Sea", Kind: EntityKind.Place });

    [Fact]
    public void AVerbBeforeATitleIsNoPartOfIt()
    {
        var mentions = Recognize("Twelve skippers came, including union president Marta Ilves. The crews are convinced commissioner Kaarel Kask will not budge.");
        Assert.Equal("union president", Assert.Single(mentions, m => m.Name == "Marta Ilves").Title);
        Assert.Equal("commissioner", Assert.Single(mentions, m => m.Name == "Kaarel Kask").Title);
    }

    [Fact]
    public void AnAppositiveTitleIsRead()
    {
        var kivi = Assert.Single(Recognize("Not everyone agreed. Anders Kivi, a spokesman for the Coastal Fishers' Union, said so."), m => m.Name == "Anders Kivi");
        Assert.Equal("spokesman", kivi.Title);
    }

    [Fact]
    public void OrganisationsVenuesAndPlacesAreToldApart()
    {
        var mentions = Recognize("The Baltic Fisheries Council met at the Harbour Pavilion near the Gulf of Finland.");
        Assert.Contains(mentions, m => m is { Name: "Baltic Fisheries Council", Kind: EntityKind.Organization });
        Assert.Contains(mentions, m => m is { Name: "Harbour Pavilion", Kind: EntityKind.Place });
        Assert.Contains(mentions, m => m is { Name: "Gulf of Finland", Kind: EntityKind.Place });
    }

    [Fact]
    public void OrdinaryWordsOpeningASentenceAreNotNames()
    {
        var mentions = Recognize("Critics say the cut is small. Under the deal, boats stay at sea.");
        Assert.DoesNotContain(mentions, m => m.Name is "Under" && m.Kind != EntityKind.Unknown);
        Assert.DoesNotContain(mentions, m => m.Kind == EntityKind.Person);
    }

    [Fact]
    public void TwoOrdinaryWordsWithCapitalsAreNotAPerson()
    {
        var mentions = Recognize("Cod prices rose again. The harbour price index is watched closely. Officials said the Price Index would be revised.");
        Assert.DoesNotContain(mentions, m => m.Name == "Price Index" && m.Kind == EntityKind.Person);
    }

    [Fact]
    public void ATitleCaseHeadingNamesNoPeople()
    {
        var mentions = Recognize("Trawler Tensions and Harbour Fees\n\nThe council met on Friday.");
        Assert.DoesNotContain(mentions, m => m.Kind == EntityKind.Person);
    }

    [Fact]
    public void AcronymsLettersDemonymsAndRegionsDoNotMakeAPerson()
    {
        var mentions = Recognize("The BWS P index fell. North American buyers held back. Trade with the Far East slowed.");
        Assert.DoesNotContain(mentions, m => m.Kind == EntityKind.Person);
    }

    [Fact]
    public void InstitutionsWithAnAdjectiveOrAnIndexAreNotPeople()
    {
        var mentions = Recognize("Prices at the docks worried the Federal Reserve. The National Assembly met in Narva. The Fish Index rose, and Baltic Markets were calm.");
        Assert.DoesNotContain(mentions, m => m.Kind == EntityKind.Person);
        Assert.Contains(mentions, m => m is { Name: "Federal Reserve", Kind: EntityKind.Organization });
    }

    [Fact]
    public void LandformsStormsFaithsAndCompanySuffixesAreNotPeople()
    {
        var mentions = Recognize("Hurricane Ilves struck the Narva Peninsula and flooded the Kivi Valley. Sunni Muslims and Roman Catholics prayed. A Tallinn-based group, Baltic Trawl Corp, and Sea Rights Watch sent help. Maria Hill said the Saare Strip was cut off.");
        Assert.Equal(["Maria Hill"], mentions.Where(m => m.Kind == EntityKind.Person).Select(m => m.Name));
        Assert.Contains(mentions, m => m is { Name: "Hurricane Ilves", Kind: EntityKind.Event });
        Assert.Contains(mentions, m => m is { Name: "Narva Peninsula", Kind: EntityKind.Place });
    }

    [Fact]
    public void APlaceNameAfterAGivenNameIsASurnameAndStatesAndCitiesArePlaces()
    {
        var mentions = Recognize("Marta Riga, a trawler captain, sailed from New Jersey to San Diego.");
        Assert.Contains(mentions, m => m is { Name: "Marta Riga", Kind: EntityKind.Person });
        Assert.Contains(mentions, m => m is { Name: "New Jersey", Kind: EntityKind.Place });
        Assert.Contains(mentions, m => m is { Name: "San Diego", Kind: EntityKind.Place });
    }

    [Fact]
    public void AMiddleInitialStaysInsideTheName()
    {
        var mentions = Recognize("Mayor Sergei K. Valenko met Kaarel J. Tamm. The U.S. Navy sent a ship.");
        Assert.Contains(mentions, m => m is { Name: "Sergei K. Valenko", Kind: EntityKind.Person, Title: "Mayor" });
        Assert.Contains(mentions, m => m is { Name: "Kaarel J. Tamm", Kind: EntityKind.Person });
        Assert.DoesNotContain(mentions, m => m.Kind == EntityKind.Person && m.Name.StartsWith("U.", StringComparison.Ordinal));
    }

    [Fact]
    public void NationsProgramsTreatiesAndCountedGroupsAreNotPeople()
    {
        var mentions = Recognize("The United Nations and the World Food Program sent grain under the Narva Memorandum. Three Republicans objected. U.N. Secretary-General Marta Ilves said so.");
        Assert.Equal(["Marta Ilves"], mentions.Where(m => m.Kind == EntityKind.Person).Select(m => m.Name));
        Assert.Equal("U.N. Secretary-General", mentions.Single(m => m.Name == "Marta Ilves").Title);
    }

    [Fact]
    public void RegionsResearchFirmsAndHeadlinePhrasesAreNotPeople()
    {
        var mentions = Recognize("Prices in Saare County rose, said Kivi Research. Cashing In drew few listeners. Kaarel Rather and Tep An said so.");
        Assert.Equal(["Kaarel Rather", "Tep An"], mentions.Where(m => m.Kind == EntityKind.Person).Select(m => m.Name));
    }

    [Fact]
    public void ATitleKeepsTheWholePlaceItIsOf()
    {
        var mentions = Recognize("They met the Governor of Saare County Kaarel Kask in Narva. \"We will help,\" said Governor of Saare County Kask.");
        Assert.Equal(["Kaarel Kask", "Kask"], mentions.Where(m => m.Kind == EntityKind.Person).Select(m => m.Name));
        Assert.All(mentions.Where(m => m.Kind == EntityKind.Person), m => Assert.Equal("Governor of Saare County", m.Title));
    }

    [Fact]
    public void AShortHeadingWithASmallWordNamesNoOneButANameAloneOnItsLineStillDoes()
    {
        Assert.DoesNotContain(Recognize("Prices rose again.\n\nAbout Harbour Fees\n\nThe council met."), m => m.Kind == EntityKind.Person);
        Assert.Contains(Recognize("Prices rose again.\n\nKaarel Kask\n\nThe council met. Kask said so."), m => m is { Name: "Kaarel Kask", Kind: EntityKind.Person });
    }

    [Fact]
    public void CompoundAdjectivesAndForeignRelationsAreNotPeople() =>
        Assert.DoesNotContain(
            Recognize("A Valenko-friendly paper in Narva praised the deal. Soviet-era trawlers stayed in port. The committee on Foreign Relations met."),
            m => m.Kind == EntityKind.Person);

    [Fact]
    public void ADesignateOrElectTitleStaysOutOfTheName()
    {
        var mentions = Recognize("Premier-designate Kaarel Kask met the council, and Mayor-elect Liisa Tamm joined them.");
        Assert.Contains(mentions, m => m is { Name: "Kaarel Kask", Kind: EntityKind.Person, Title: "Premier-designate" });
        Assert.Contains(mentions, m => m is { Name: "Liisa Tamm", Kind: EntityKind.Person, Title: "Mayor-elect" });
    }

    [Fact]
    public void ATitleWithItsOfPhraseIsReadBeforeOrAfterTheName()
    {
        var mentions = Recognize("The deal was struck by council chief of staff Kaarel Kask. It was signed by Liisa Tamm, the ministry's chief of staff and top negotiator.");
        Assert.Contains(mentions, m => m is { Name: "Kaarel Kask", Title: "council chief of staff" });
        Assert.Contains(mentions, m => m is { Name: "Liisa Tamm", Title: "ministry's chief of staff" });
    }

    [Fact]
    public void OfOpensNoName()
    {
        var mentions = Recognize("The council heard the Minister of Defense and the Minister of Fisheries before the vote.");
        Assert.DoesNotContain(mentions, m => m.Kind == EntityKind.Person);
    }

    [Fact]
    public void AListOfNamesInASentenceAndNamesWithOneOrdinaryWordAreStillPeople()
    {
        var mentions = Recognize("Those who lost included Reps. Jaan Koppel of Tartu, Tep An of Narva and Mart Sepp of Parnu. Tep An said the sun rose and he ran. Kaia West, a lawyer for the crews, was there.");
        Assert.Contains(mentions, m => m is { Name: "Jaan Koppel", Kind: EntityKind.Person });
        Assert.Contains(mentions, m => m is { Name: "Mart Sepp", Kind: EntityKind.Person });
        Assert.Contains(mentions, m => m is { Name: "Tep An", Kind: EntityKind.Person });
        Assert.Contains(mentions, m => m is { Name: "Kaia West", Kind: EntityKind.Person });
    }

    [Fact]
    public void WarsAndPluralDemonymsAndFunctionWordsMakeNoPerson()
    {
        var mentions = Recognize("The talks recalled the Cold War. More Estonians voted in 2021 than ever, officials noted; But Valenko disagreed.");
        Assert.Contains(mentions, m => m is { Name: "Cold War", Kind: EntityKind.Event });
        Assert.DoesNotContain(mentions, m => m.Kind == EntityKind.Person && m.Name is "More Estonians" or "But Valenko");
    }

    [Fact]
    public void ACapitalisedHeOrAnInsideASentenceIsPartOfAName()
    {
        var mentions = Recognize("Police detained the dissident He Lanfen on Monday.");
        Assert.Contains(mentions, m => m is { Name: "He Lanfen", Kind: EntityKind.Person });
    }

    [Fact]
    public void ADiscourseWordOpeningASentenceIsNoName() =>
        Assert.DoesNotContain(Recognize("Indeed, the council met again. Besides Valenko, nobody spoke."), m => m.Name.StartsWith("Indeed", StringComparison.Ordinal) || m.Name.StartsWith("Besides", StringComparison.Ordinal));

    [Fact]
    public void WeekdaysAndMonthsAreNotEntities() =>
        Assert.DoesNotContain(Recognize("It happened on Wednesday, March 11."), m => m.Kind != EntityKind.Unknown);

    [Fact]
    public void APossessiveEndsTheNameItClosesAndIsNotPartOfIt()
    {
        var mentions = Recognize("Marta Ilves's union met Valenko's Fisheries Council on Friday.");
        Assert.Contains(mentions, m => m.Name == "Marta Ilves");
        Assert.Contains(mentions, m => m.Name == "Valenko");
        Assert.Contains(mentions, m => m.Name == "Fisheries Council");
        Assert.DoesNotContain(mentions, m => m.Name.Contains('\'', StringComparison.Ordinal));
    }

    [Fact]
    public void ATitleKeepsItsOfPhraseAndNamesWithParticlesKeepThem()
    {
        var mentions = Recognize("The talks were attended by Secretary of State Anna Berg and by Al Varga.");
        var berg = Assert.Single(mentions, m => m.Name == "Anna Berg");
        Assert.Equal("Secretary of State", berg.Title);
        Assert.Contains(mentions, m => m.Name == "Al Varga");
    }

    [Fact]
    public void AFirmThatReadsLikeAPersonOrCarriesATickerIsAnOrganisation()
    {
        var mentions = Recognize("Analysts at Morgan Stanley cut their forecast. The quarter was kind to Baltic Realty (BRX) and Narva Homes (NHM), which both beat estimates.");
        Assert.DoesNotContain(mentions, m => m.Kind == EntityKind.Person);
        Assert.Contains(mentions, m => m is { Name: "Morgan Stanley", Kind: EntityKind.Organization });
        Assert.Contains(mentions, m => m is { Name: "Narva Homes", Kind: EntityKind.Organization });
    }

    [Fact]
    public void AHeadingOnALineOfItsOwnIsNoPersonUnlessItOpensWithAGivenName()
    {
        var mentions = Recognize("The ports reopened on Monday.\n\nLooking Ahead\n\nThe council will meet ahead of the spring season.\n\nMarta Ilves\n\nShe fishes out of Narva.");
        Assert.DoesNotContain(mentions, m => m.Name == "Looking Ahead" && m.Kind == EntityKind.Person);
        Assert.Contains(mentions, m => m is { Name: "Marta Ilves", Kind: EntityKind.Person });
    }

    [Fact]
    public void AHyphenatedPhraseWithAFunctionWordIsNoNameButAHyphenatedGivenNameIs()
    {
        Assert.DoesNotContain(Recognize("Landings fell again in June. Year-Over-Year Catches are the lowest in a decade, the council said."), m => m.Kind == EntityKind.Person);
        Assert.Contains(Recognize("The skipper, Per-Olof Kask, said the nets were empty."), m => m is { Name: "Per-Olof Kask", Kind: EntityKind.Person });
    }
}
