using Chorus.Clustering;
using Chorus.Facts;
using Chorus.Tests.Support;

namespace Chorus.Tests.Facts;

public class AgeSlotTests
{
    private static StoryAnalysis Analyze(params (string Id, string Text, DateTimeOffset? Published)[] articles) =>
        StoryAnalyzer.Analyze(new Story("s", articles.Select(a => Articles.Analyzed(a.Id, a.Text, published: a.Published)).ToList()));

    private static List<string> Ages(StoryAnalysis analysis, string article) =>
        analysis.Slots.Where(s => s.Kind == SlotKind.Age && s.ArticleId == article).Select(s => $"{s.TopicLabel}={s.Value.Key}").Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void AnAgeBesideANameOrJustBeforeItIsThatPersonsAge()
    {
        var analysis = Analyze(("a", "Two men, Dorian Vasquez, 24, and Pieter Ollander (31) appeared in court in Marlow on Monday. The 67-year-old retired pilot Henrike Moss testified against them.", null));
        Assert.Equal(["Age of Dorian Vasquez=24", "Age of Henrike Moss=67", "Age of Pieter Ollander=31"], Ages(analysis, "a"));
    }

    [Fact]
    public void ANumberAfterANameThatIsNotAnAgeIsNotRead()
    {
        var analysis = Analyze(("a", "Dorian Vasquez, 24 percent of whose votes came from the coast, won in Marlow. A 19-year-old who was beaten by Pieter Ollander is in hospital, and so is the 40-year-old owner of Ollander Freight.", null));
        Assert.Empty(Ages(analysis, "a"));
    }

    [Fact]
    public void IndependentSourcesGivingOnePersonDifferentAgesConflict()
    {
        var analysis = Analyze(
            ("a", "Prosecutors in Marlow charged Dorian Vasquez, 24, with arson on Monday after the fire at the harbour depot destroyed six boats.", null),
            ("b", "Dorian Vasquez, 26, a dock worker, was arrested at his home near the harbour late on Sunday, police in the coastal town said.", null));
        var conflict = Assert.Single(analysis.Conflicts, c => c.Kind == SlotKind.Age);
        Assert.Equal("Age of Dorian Vasquez", conflict.Topic);
        Assert.Equal(["24", "26"], conflict.Values.Select(v => v.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AgesOneYearApartInReportsFromDifferentDaysAreABirthdayNotAConflict()
    {
        var may = new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero);
        var analysis = Analyze(
            ("a", "Prosecutors in Marlow charged Dorian Vasquez, 24, with arson on Monday after the fire at the harbour depot destroyed six boats.", may),
            ("b", "Dorian Vasquez, 25, a dock worker, went on trial in the coastal town on Tuesday, accused of setting the harbour depot fire.", may.AddMonths(5)));
        Assert.DoesNotContain(analysis.Conflicts, c => c.Kind == SlotKind.Age);
    }

    [Fact]
    public void AnAgeAGarbledCopyChangesIsReportedAsAVersionOfItsSource()
    {
        const string wire = "Prosecutors in Marlow charged Dorian Vasquez, 24, with arson on Monday after the fire at the harbour depot destroyed six boats. "
            + "The blaze started shortly after midnight and burned for four hours before crews from three towns put it out. "
            + "Harbour master Ilse Brandt said the depot would reopen within a month and that no one had been hurt.";
        var analysis = Analyze(("wire", wire, null), ("copy", wire.Replace("Vasquez, 24,", "Vasquez, 42,", StringComparison.Ordinal) + " Advertisement", null));
        var conflict = Assert.Single(analysis.Conflicts, c => c.Kind == SlotKind.Age);
        Assert.Equal([("24", null), ("42", "wire")], conflict.Values.Select(v => (v.Value, v.VersionOf)));
        var copy = analysis.Sources.Single(s => s.ArticleId == "copy");
        Assert.Contains("Age of Dorian Vasquez: says '42' where its source wire says '24'", copy.Notes);
        Assert.DoesNotContain(copy.Notes, n => n.Contains("other origin", StringComparison.Ordinal));
        Assert.DoesNotContain(analysis.Sources.Single(s => s.ArticleId == "wire").Notes, n => n.Contains("where its source", StringComparison.Ordinal));
    }

    [Fact]
    public void AgesTwoYearsApartInReportsTwoYearsApartAgree()
    {
        var analysis = Analyze(
            ("a", "Prosecutors in Marlow charged Dorian Vasquez, 24, with arson on Monday after the fire at the harbour depot destroyed six boats.", new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero)),
            ("b", "A jury in Marlow found Dorian Vasquez, 26, guilty of arson on Monday over the fire at the harbour depot that destroyed six boats.", new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero)));
        Assert.DoesNotContain(analysis.Conflicts, c => c.Kind == SlotKind.Age);
    }
}
