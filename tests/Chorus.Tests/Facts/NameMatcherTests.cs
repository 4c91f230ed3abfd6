using Chorus.Facts;

namespace Chorus.Tests.Facts;

public class NameMatcherTests
{
    [Theory]
    [InlineData("Sergei Valenko", "Sergey Valenko")]
    [InlineData("Sergei Valenko", "Sergej Walenko")]
    [InlineData("Sergei Valenko", "Serge Valenco")]
    [InlineData("Alexei Petrov", "Alexey Petrov")]
    [InlineData("Yevgeny Orlov", "Evgeny Orlov")]
    [InlineData("Anthony Blake", "Antony Blake")]
    [InlineData("Jan Kowalski", "J. Kowalski")]
    [InlineData("Maria Bergman", "Maria Perkman")]
    [InlineData("Charles de Gaulle", "de Gaulle")]
    [InlineData("Thomas Kask", "Tom Kask")]
    [InlineData("William Kask", "Bill Kask")]
    public void TransliterationsVariantsAndSmallGarblesNameOnePerson(string a, string b)
    {
        Assert.True(NameMatcher.SamePerson(a, b));
        Assert.True(NameMatcher.SamePerson(b, a));
    }

    [Theory]
    [InlineData("Liisa Tamm", "Anders Tamm")]
    [InlineData("John Smith", "Mary Smith")]
    [InlineData("Sergei Valenko", "Sergei Petrov")]
    [InlineData("Thomas Kask", "Bill Kask")]
    [InlineData("Lea Varga", "Al Varga")] // "Al" is a given name here, not the particle of "al-Assad"
    public void DifferentPeopleSharingASurnameOrGivenNameStayApart(string a, string b) => Assert.False(NameMatcher.SamePerson(a, b));

    [Fact]
    public void ASurnameAloneFitsTheFullName() => Assert.True(NameMatcher.SamePerson("Walenko", "Sergei Valenko"));
}
