using Chorus.Cli;
using Chorus.IntegrationTests.Support;

namespace Chorus.IntegrationTests.Cli;

public class UsageTests
{
    public static TheoryData<string> Commands() => [.. ChorusApp.Commands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommandHasHelpThatTeachesItsUsage(string command)
    {
        var result = CliRunner.Run(command, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Usage: chorus {command}", result.Out, StringComparison.Ordinal);
        Assert.Contains("Options:", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("extract", "--no-such-option", "x")]
    [InlineData("extract")]
    [InlineData("brief", "--format", "pdf", "x")]
    [InlineData("brief", "--words", "many", "x")]
    [InlineData("show")]
    [InlineData("serve", "--port", "70000")]
    [InlineData("serve", "--host", "not a host")]
    [InlineData("serve", "extra")]
    [InlineData("demo", "extra")]
    public void AUsageErrorExitsWithTwoAndPointsToHelp(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public void TheOverviewListsEveryCommand()
    {
        var result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.All(ChorusApp.Commands, c => Assert.Contains(c.Name, result.Out, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryValueAnOptionAcceptsIsNamedInTheHelp(string command)
    {
        var help = CliRunner.Run(command, "--help").Out;
        foreach (var option in ChorusApp.Commands.Single(c => c.Name == command).Options.Where(o => o.Allowed is not null))
        {
            var line = help.Split('\n').Single(l => l.TrimStart().StartsWith(option.Name + " ", StringComparison.Ordinal));
            Assert.All(option.Allowed!, value => Assert.Contains(value, line, StringComparison.Ordinal));
        }
    }
}
