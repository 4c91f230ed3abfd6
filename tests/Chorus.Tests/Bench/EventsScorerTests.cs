using System.Text.Json;
using Chorus.Bench.Facts;

namespace Chorus.Tests.Bench;

/// <summary>The port of the events benchmark's score.py, on a small invented event worked out by hand.</summary>
public class EventsScorerTests
{
    // One invented event: two clear disagreements, one arguable, and three quotes.
    private const string Annotations = """
        {"events": [{"event": "7a",
          "disagreements": [
            {"thing": "day of the vote", "confidence": "clear", "values": [
              {"value": "Monday", "evidence": [{"article": "7_1", "text": "The council voted on Monday to close the old ferry pier"}]},
              {"value": "Tuesday", "evidence": [{"article": "7_2", "text": "Councillors decided on Tuesday that the ferry pier would shut"}]}]},
            {"thing": "cost of repairs", "confidence": "clear", "values": [
              {"value": "2 million", "evidence": [{"article": "7_1", "text": "Repairs would have cost 2 million crowns"}]},
              {"value": "3 million", "evidence": [{"article": "7_3", "text": "Engineers priced the repairs at 3 million crowns"}]}]},
            {"thing": "boats at the pier", "confidence": "arguable", "values": [
              {"value": "12", "evidence": [{"article": "7_2", "text": "Twelve boats still tie up at the pier"}]},
              {"value": "15", "evidence": [{"article": "7_3", "text": "Fifteen boats use the pier"}]}]}],
          "quotes": [
            {"article": "7_1", "quote": "We cannot keep patching a structure that is failing", "speaker": "Harbour Master Ingrid Solberg"},
            {"article": "7_2", "quote": "The pier has served this town for ninety years", "speaker": "a council spokesman"},
            {"article": "7_3", "quote": "Nobody asked the fishermen what they wanted", "speaker": "Tomas Eklund"}]}]}
        """;

    private const string Brief = """
        {"stories": [{
          "conflicts": [
            {"topic": "date", "values": [
              {"value": "Tuesday", "evidence": [{"source": "7_2", "text": "Councillors decided on \u201cTuesday\u201d  that the ferry pier would shut."}]},
              {"value": "Monday", "evidence": [{"source": "7_1", "text": "On Monday the council voted to close the old ferry pier for good."}]}]},
            {"topic": "amount", "confidence": "possible", "values": [
              {"value": "2 million crowns", "evidence": [{"source": "7_1", "text": "Repairs would have cost 2 million crowns."}]},
              {"value": "3 million crowns", "evidence": [{"source": "7_3", "text": "Engineers priced the repairs at 3 million crowns."}]}]},
            {"topic": "count", "confidence": "confirmed", "values": [
              {"value": "12", "evidence": [{"source": "7_2", "text": "Twelve boats still tie up at the pier."}]},
              {"value": "15", "evidence": [{"source": "7_3", "text": "Fifteen boats use the pier."}]}]},
            {"topic": "place", "values": [
              {"value": "north", "evidence": [{"source": "7_9", "text": "The council voted on Monday to close the old ferry pier"}]},
              {"value": "south", "evidence": [{"source": "7_2", "text": "Councillors decided on Tuesday that the ferry pier would shut"}]},
              {"value": "east", "evidence": [{"source": "7_3", "text": "The east quay is not affected."}]}]}],
          "entities": [],
          "quotes": [
            {"speaker": "Solberg", "text": "\u201cWe cannot keep patching a structure that is failing,\u201d she said.", "sources": ["7_1"]},
            {"speaker": "Lind", "text": "We cannot keep patching a structure that is failing, and the whole town knows it.", "sources": ["7_1", "7_2"]},
            {"speaker": "Council spokesman", "text": "The pier has served this town for ninety years.", "sources": ["7_2"]},
            {"speaker": "Eklund", "text": "Nobody asked the fishermen what they wanted.", "sources": ["7_1"]}]}]}
        """;

    [Fact]
    public void EvidenceOverlapsByContainmentAfterFolding()
    {
        Assert.True(EventsScorer.Overlap("\u201cThe  Mayor\u201d said", "Officials confirmed the mayor said the bridge opened"));
        Assert.True(EventsScorer.Overlap("Officials confirmed the mayor said the bridge opened on Monday.", "the mayor said the bridge opened"));
        Assert.False(EventsScorer.Overlap("", "the mayor said"));
    }

    [Fact]
    public void EvidenceOverlapsByARunOfSixWordsButNotFive()
    {
        Assert.True(EventsScorer.Overlap("Rain fell all night and the river rose above its banks by dawn", "Witnesses said the river rose above its banks by morning"));
        Assert.False(EventsScorer.Overlap("Rain fell all night and the river rose above its walls", "Witnesses said the river rose above its banks"));
    }

    [Fact]
    public void ReportedEvidenceOverFourHundredCharactersCountsForNothing()
    {
        var gold = "the river rose above its banks";
        var padding = new string('x', 400 - gold.Length - 1) + " ";
        Assert.True(EventsScorer.Overlap(padding + gold, gold));
        Assert.False(EventsScorer.Overlap("y" + padding + gold, gold));

        // Only the reported side is limited.
        Assert.True(EventsScorer.Overlap(gold, "y" + padding + gold));
    }

    [Fact]
    public void ConflictsAreScoredAsPairsOfSidesInBothTiers()
    {
        var score = Score(Brief);

        // Confirmed tier: the date conflict (sides given in the other order) finds the vote day; the count conflict
        // matches only the arguable disagreement; the place conflict's three pairs match nothing (the first side's
        // words are gold words, but from another article). The 'possible' amount conflict adds the cost in 'all'.
        Assert.Equal(2, score.Total.GoldClear);
        Assert.Equal(new TierScore(Found: 1, Reported: 5, Matching: 2), score.Total.Confirmed);
        Assert.Equal(new TierScore(Found: 2, Reported: 6, Matching: 3), score.Total.All);
        Assert.Equal(3, score.Notes.Count(n => n.StartsWith("UNMATCHED 7a confirmed place ", StringComparison.Ordinal)));
        Assert.DoesNotContain(score.Notes, n => n.StartsWith("MISSED", StringComparison.Ordinal));
    }

    [Fact]
    public void AQuoteIsFoundByItsFirstFiveFoldedWordsInTheCitedArticle()
    {
        var score = Score(Brief);

        // Eklund's words are cited to the wrong article. Reported pairs: Solberg (7_1) gold; Lind 7_1 gold, 7_2 not;
        // spokesman (7_2) gold; Eklund (7_1) not.
        Assert.Equal((3, 2), (score.Total.GoldQuotes, score.Total.QuotesFound));
        Assert.Equal((5, 3), (score.Total.ReportedQuotes, score.Total.ReportedGold));
    }

    [Fact]
    public void ANameIsJudgedByItsSurnameAndADescriptionByItsContentWords()
    {
        Assert.Equal(["solberg"], EventsScorer.WantedSpeakerWords("Harbour Master Ingrid Solberg Jr."));
        Assert.Equal(["police", "spokesman"], EventsScorer.WantedSpeakerWords("a police spokesman"));
        Assert.Equal(["rep"], EventsScorer.WantedSpeakerWords("her rep"));
        Assert.Equal(["mayors", "office"], EventsScorer.WantedSpeakerWords("The mayor's office"));

        // Solberg's quote is judged on the shortest hit (Solberg, not Lind); the spokesman's description matches
        // 'Council spokesman'; Eklund's quote was not found, so it counts as wrong.
        var score = Score(Brief);
        Assert.Equal((3, 2), (score.Total.WithSpeaker, score.Total.SpeakerRight));
        Assert.DoesNotContain(score.Notes, n => n.StartsWith("SPEAKER", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEntityWithTwelveAliasesOrFewerNamesTheSpeaker()
    {
        static string WithAliases(int count) => $$"""
            {"stories": [{"conflicts": [],
              "entities": [{"name": "Harbour Master", "aliases": [{{string.Join(", ", Enumerable.Range(0, count - 1).Select(i => $"\"Master {i}\""))}}, "Ingrid Solberg"]}],
              "quotes": [{"speaker": "Harbour Master", "text": "We cannot keep patching a structure", "sources": ["7_1"]}]}]}
            """;

        Assert.Equal(1, Score(WithAliases(12)).Total.SpeakerRight);
        var tooMany = Score(WithAliases(13));
        Assert.Equal(0, tooMany.Total.SpeakerRight);
        Assert.Contains("SPEAKER 7a Harbour Master Ingrid Solberg -> ['Harbour Master']", tooMany.Notes);
    }

    [Fact]
    public void TheSummaryLineIsTheOneScorePyPrints()
    {
        // As score.py printed it for this annotation and brief.
        Assert.Equal(
            "events 1  conflicts (gold clear 2) confirmed: found 1 recall 0.500; reported 5 matching gold 2 precision 0.400 | all: found 2 recall 1.000; "
            + "reported 6 matching gold 3 precision 0.500  quotes: gold 3 found 2; reported 5 gold 3 precision 0.600; with speaker 3 right 2 accuracy 0.667",
            Score(Brief).SummaryLine());
    }

    [Fact]
    public void AnEventWithoutABriefMissesEveryClearDisagreement()
    {
        var score = EventsScorer.Score(JsonDocument.Parse(Annotations).RootElement, new Dictionary<string, JsonElement>());
        Assert.Contains("MISSED 7a day of the vote ['Monday', 'Tuesday']", score.Notes);
        Assert.Equal(
            "events 1  conflicts (gold clear 2) confirmed: found 0 recall 0.000; reported 0 matching gold 0 precision n/a | all: found 0 recall 0.000; "
            + "reported 0 matching gold 0 precision n/a  quotes: gold 3 found 0; reported 0 gold 0 precision n/a; with speaker 3 right 0 accuracy 0.000",
            score.SummaryLine());
    }

    [Fact]
    public void RatiosRoundAsPythonDoesOnExactHalves()
    {
        Assert.Equal("0.062", EventsScorer.Ratio(1, 16, "n/a"));
        Assert.Equal("0.188", EventsScorer.Ratio(3, 16, "n/a"));
        Assert.Equal("0.667", EventsScorer.Ratio(2, 3, "n/a"));
        Assert.Equal("1.000", EventsScorer.Ratio(4, 4, "n/a"));
        Assert.Equal("n/a", EventsScorer.Ratio(0, 0, "n/a"));
    }

    private static EventsScore Score(string brief) =>
        EventsScorer.Score(JsonDocument.Parse(Annotations).RootElement, new Dictionary<string, JsonElement> { ["7a"] = JsonDocument.Parse(brief).RootElement });
}
