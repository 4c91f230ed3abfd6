using Chorus.Text;

namespace Chorus.Tests.Text;

public class DatelineTests
{
    [Theory]
    [InlineData("TALLINN, March 11 (BWS) - The council agreed.", "The council agreed.")]
    [InlineData("BRUSSELS, Belgium (AP) _ The envoy said the situation was bad.", "The envoy said the situation was bad.")]
    [InlineData("INNSBRUCK, Austria (AP) -- Officials turned back 136 people.", "Officials turned back 136 people.")]
    public void AWireDatelineIsNotPartOfTheFirstSentence(string text, string sentence) =>
        Assert.Equal(sentence, text[Dateline.Length(text, 0, text.Length)..]);

    [Theory]
    [InlineData("The council, meeting in Tallinn - a port city - agreed.")]
    [InlineData("Valmora's leader, Ode Brask, said the talks would go on.")]
    public void AnOrdinarySentenceHasNoDateline(string text) => Assert.Equal(0, Dateline.Length(text, 0, text.Length));
}
