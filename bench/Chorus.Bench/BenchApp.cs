using System.Globalization;
using Chorus.Clustering;
using Chorus.Pipeline;

namespace Chorus.Bench;

/// <summary>Entry point of the benchmark suites: quality against ../shared/bench and diagnostic tables.</summary>
internal static class BenchApp
{
    public static int Run(string[] args)
    {
        var suite = args.FirstOrDefault() ?? "help";
        return suite switch
        {
            "copies" => Copies(args.Skip(1).ToArray()),
            "extraction" => Extraction.ExtractionSuite.Run(args.Skip(1).ToArray()),
            "clustering" => Clustering.ClusteringSuite.Run(args.Skip(1).ToArray()),
            "conflicts" => Facts.ConflictSuite.Run(args.Skip(1).ToArray()),
            "agreement" => Facts.AgreementSuite.Run(args.Skip(1).ToArray()),
            "events" => Facts.EventsSuite.Run(args.Skip(1).ToArray()),
            "conflicts-train" => Facts.ConflictTraining.Run(args.Skip(1).ToArray()),
            "speakers-train" => Facts.SpeakerTraining.Run(args.Skip(1).ToArray()),
            "encoder" => Similarity.EncoderSuite.Run(args.Skip(1).ToArray()),
            "summary" => Rouge.SummarySuite.Run(args.Skip(1).ToArray()),
            "feeds" => Ingest.FeedSuite.Run(args.Skip(1).ToArray()),
            "ingest" => Ingest.ArchiveSuite.Run(args.Skip(1).ToArray()),
            "scale-out" => ScaleOut.ScaleOutSuite.Run(args.Skip(1).ToArray()),
            _ => Help(),
        };
    }

    private static int Help()
    {
        Console.WriteLine("""
            Usage: ./bench.sh SUITE [ARGS]

            Suites:
              extraction --multilingual [--quick] [--worst] [--page ID]  snippet F1/P/R on ../shared/bench/extraction-multilingual, SmartReader 0.11.1 beside it, speed side by side
              extraction --train-blocks [--write] [--errors] [--coverage]  the block model: 5-fold cross-validated snippet F1 and news F1 beside the rules' (--write: train on every development page and write src/Chorus/Extraction/Data/block-model.json)
              extraction --warc              the same metric on the pages read from ../shared/bench/ingest/extraction-pages.warc.gz
              extraction [--quick] [--dump] [--worst-dev]  F1/P/R/accuracy (bootstrap ±), pages/s, ms/page and memory on ../shared/bench/extraction
              clustering --events [--confusion] [--split S] [--cv]  pairwise and BCubed F1 of 'chorus cluster' on ../shared/bench/events/cluster.jsonl, and the topics whose two events share a story (--cv: the split share chosen by topic folds)
              clustering [--confusion] [--batches N]  pairwise and BCubed F1 of story clustering on ../shared/bench/clustering (--batches: the same articles fed in N batches against one)
              clustering --ceiling [--lead N --entity W --title W]  what the gold labels and the clusterer's features allow when told the answers
              clustering --scale N... [--stages|--light]  articles/s, memory and F1 on a generated stream of N articles (--light: the chorus cluster path)
              conflicts [--all-duc]          conflicts on the recession story and 10 (or 50) DUC clusters, against the judgements read by hand
              conflicts-train [--folds K]     the learned conflict verifier on ../shared/bench/events: candidates, and precision-recall cross-validated by topic (CHORUS_TRAIN_MINILM=1 adds MiniLM cosines)
              encoder [--sentences N]        the MiniLM sentence encoder's rate and memory on sentences of ../shared/bench/events
              speakers-train [--folds K] [--write]  the learned quote speaker ranker on ../shared/bench/events: cross-validated by topic; --write ships the model
              events [--verbose] [--out FILE] [--quick]  briefs of the 40 events of ../shared/bench/events scored as its score.py does (conflicts, quotes, speakers), then the quote figures with the speaker ranker cross-validated by topic (--quick skips it); --out writes them for score.py
              agreement                      adjusted Rand index of Chorus's answer groups on nanco_dataset.json, beside the annotators'
              summary [--show]               ROUGE-1/2/4 (ROUGE-1.5.5, -n 4 -m -a -l 100) of 100-word DUC 2004 summaries, with 95% intervals
              summary --oracle [--cut-last]  two greedy ROUGE oracles over whole sentences: how far extraction can go (30 s)
              feeds [--show]                 feed items read against the reference reading beside each test feed (title, link, date)
              ingest [--gb N]                a generated N GB WARC (default 2): extraction alone vs into the store, and memory along the way
              scale-out --smoke              the demo corpus and the clustering bench through RabbitMQ into PostgreSQL with 2 workers, one killed midway: the ledger adds up and the stories equal the embedded run's (starts the servers)
              scale-out [--gb N] [--workers 1,2] [--threads N] [--tiered-jit]  throughput with 1 and 2 workers (extracting on N threads each; default one a core) on a generated N GB WARC (default 2), time in the store's write transactions, publish-to-commit latency, CPU per process; the CLI is ./chorus's ReadyToRun build, and workers run with DOTNET_TieredCompilation=0 unless --tiered-jit
              copies PATH...           copy-detection evidence for every pair of articles in PATH (diagnostic)
            """);
        return 2;
    }

    /// <summary>For every ordered pair: MinHash Jaccard and the share of aligned sentences, to see where thresholds fall.</summary>
    private static int Copies(string[] paths)
    {
        var batch = new ArticleSource().ReadAll(paths);
        var articles = BriefPipeline.Analyze(batch.Articles);
        foreach (var copy in articles)
        {
            foreach (var source in articles)
            {
                if (copy == source)
                {
                    continue;
                }

                var share = CopyDetector.AlignedShare(copy, source);
                var jaccard = copy.Signature.Similarity(source.Signature);
                if (share > 0.2 || jaccard > 0.1)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{copy.Id,-28} <- {source.Id,-28} aligned {share:0.00} @.6 {CopyDetector.AlignedShare(copy, source, 0.6):0.00} @.7 {CopyDetector.AlignedShare(copy, source, 0.7):0.00}  minhash {jaccard:0.00}"));
                }
            }
        }

        return 0;
    }
}
