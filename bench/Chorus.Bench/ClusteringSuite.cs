namespace Chorus.Bench;

internal static class ClusteringSuite
{
    public static int Run(string[] args) => 0;
}
