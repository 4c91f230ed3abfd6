using Chorus.Storage;
using Chorus.Web;
using Microsoft.Extensions.Hosting;

namespace Chorus.Cli;

/// <summary><c>chorus serve</c>: the local web page and JSON API over a store, until Ctrl+C.</summary>
internal sealed class ServeCommand : Command
{
    public override string Name => "serve";

    public override string Summary => "Serve the stored stories as a local web page and a JSON API.";

    public override string Usage => "serve [--db FILE|URL] [--host ADDRESS] [--port N] [--words N]";

    public override string Details => """
        Opens the store (an empty one is created when FILE does not exist) and serves it until Ctrl+C:

          /                      the stories, largest first, 200 to a page, each linking to its brief
          /stories/ID            a story's brief as a web page
          GET  /api/stories      the stories as JSON; ?offset=N&limit=M for one page of them
          GET  /api/stories/ID   a story's brief as JSON (docs/brief.schema.json); ?words=N caps the summary
          POST /api/articles     ingests the body like 'chorus ingest' and answers with the ledger counts
                                 and every rejection's reason; ?name=FILE names the input (and its kind)
          GET  /api/health       whether the store can be read, and how many stories it holds

        The server listens on this machine only (127.0.0.1) unless --host says otherwise. There is no
        login: on another address, anyone who can reach it can read the stories and add articles. Pages
        encode all article text and allow no scripts; requests sent by other web sites are refused.

        Examples:
          chorus serve --db news.db
          curl -s localhost:5170/api/stories
          curl -s -H 'Content-Type: application/x-ndjson' --data-binary @articles.jsonl localhost:5170/api/articles
        """;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        StoreOption.Spec,
        new("--host", "ADDRESS", "the address to listen on", "127.0.0.1"),
        new("--port", "N", "the port to listen on (0 picks a free one)", "5170"),
        new("--words", "N", "the summary's word cap when a request gives none", "120"),
        new("--help", null, "show this help"),
    ];

    public override int Run(ParsedArguments arguments, Console console)
    {
        if (arguments.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{arguments.Positionals[0]}'");
        }

        var host = arguments.Value("--host") ?? "127.0.0.1";
        var kind = Uri.CheckHostName(host.Trim('[', ']'));
        if (kind == UriHostNameType.Unknown)
        {
            throw new UsageException($"'{host}' is not a host name or IP address for '--host'");
        }

        var port = IntOption(arguments, "--port", 5170, 0, 65535);
        var words = IntOption(arguments, "--words", 120, 10, 5000);
        string shown;
        using (var store = StoreOption.Open(arguments, mustExist: false))
        {
            shown = store.Path;
            if (store.StoryCount() == 0)
            {
                console.Out.WriteLine($"The store {store.Path} has no stories yet: run 'chorus ingest --db {store.Path} PATH...' or POST articles to /api/articles.");
            }
        }

        var url = $"http://{(kind == UriHostNameType.IPv6 ? $"[{host.Trim('[', ']')}]" : host)}:{port}";
        var app = ChorusWebHost.Build(new ServeOptions(StoreOption.Target(arguments), url, words));
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"chorus serve: cannot listen on {url}: {e.Message}");
            return 1;
        }

        if (!ChorusWebHost.IsLoopback(url))
        {
            console.Error.WriteLine($"chorus serve: warning: {host} is not a loopback address; anyone who can reach it can read the stories and add articles.");
        }

        console.Out.WriteLine($"Serving {shown} at {ChorusWebHost.Address(app)} (JSON API under /api/). Press Ctrl+C to stop.");
        console.Out.Flush();
        app.WaitForShutdownAsync().GetAwaiter().GetResult();
        return 0;
    }
}
