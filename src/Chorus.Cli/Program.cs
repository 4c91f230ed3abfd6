using System.Text;

namespace Chorus.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        global::System.Console.OutputEncoding = new UTF8Encoding(false);
        var stdout = new StreamWriter(global::System.Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        var stderr = new StreamWriter(global::System.Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        try
        {
            return ChorusApp.Run(args, new Console(stdout, stderr, global::System.Console.OpenStandardInput, !global::System.Console.IsErrorRedirected));
        }
        finally
        {
            stdout.Flush();
        }
    }
}
