using Chorus.Clustering;
using Chorus.Similarity;
using Chorus.Tests.Support;

namespace Chorus.Tests.Clustering;

public class StorySplitterTests
{
    // Two trawler fires: the same kind of event, told in the same words, with different boats, people, towns and days.
    private static readonly string[] s_kind =
    [
        "A fire broke out on a fishing trawler and the coast guard rescued the crew.",
        "Firefighters fought the blaze on the trawler for hours before the crew was safe.",
        "The coast guard said the fire on the fishing boat was put out and nobody died.",
        "Smoke rose over the harbour as the trawler burned and the crew jumped clear.",
        "The blaze on the fishing trawler was brought under control by firefighters.",
    ];

    private static readonly string[] s_narva =
    [
        "Captain Kaarel Kask said the Kalev lost power in the engine room on Tuesday.",
        "Twelve crew members of the Kalev were taken ashore at Narva harbour.",
        "Kaarel Kask, who has sailed the Kalev for a decade, praised the Narva rescuers.",
        "Liisa Tamm of the Narva coast guard station said the engine room caught fire first.",
        "The Kalev was towed into Narva harbour on Tuesday evening with its twelve crew.",
        "Officials in Narva said the engine room of the Kalev would be inspected.",
    ];

    private static readonly string[] s_tallinn =
    [
        "Captain Marta Ilves said the galley of the Virve caught fire on Sunday.",
        "Seven crew members of the Virve were brought to Tallinn's old port.",
        "Marta Ilves, who bought the Virve last year, thanked the Tallinn volunteers.",
        "Jaan Org, the Tallinn harbour master, said the galley stove was to blame.",
        "The Virve was towed into the old port of Tallinn on Sunday night with its seven crew.",
        "Inspectors in Tallinn will examine the galley of the Virve next week.",
    ];

    // What each outlet adds of its own: no two reports share these.
    private static readonly string[] s_asides =
    [
        "Cod prices at the morning auction fell for the third week.",
        "The regional council meets next month to discuss quotas.",
        "Storm warnings were lifted along the northern coast.",
        "Local schools reopened after the winter holiday.",
        "A new ferry timetable starts in the spring.",
        "Anglers complained about the cold water this season.",
        "The fish market plans longer opening hours.",
        "Several boats stayed in port because of ice.",
        "A museum of seafaring opened a new hall.",
        "Fuel costs have doubled for small fishing firms.",
        "Volunteers cleaned the beaches on Saturday.",
        "A festival of sea shanties drew large crowds.",
        "Dock workers signed a new wage agreement.",
        "The lighthouse will be repainted in May.",
        "Students of the marine college visited the shipyard.",
        "A bakery near the quay won a national prize.",
        "Road works will close the coastal highway for a week.",
        "The port authority bought two new cranes.",
        "Seal numbers on the islands rose again.",
        "A choir from the harbour district toured abroad.",
        "The price of herring rose at the market.",
        "Ice fishing competitions were cancelled.",
        "The old cannery will become apartments.",
        "Tourist numbers on the coast broke a record.",
    ];

    [Fact]
    public void TwoEventsOfOneKindWithDifferentBoatsPeopleAndTownsArePartedInTwo()
    {
        var (items, ids) = Items([.. Reports("narva", s_narva, 6), .. Reports("tallinn", s_tallinn, 6)]);
        var parts = StorySplitter.Split(Enumerable.Range(0, items.Count).ToList(), items, ClusteringOptions.Default.SplitShare);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, part => Assert.Single(part.Select(i => ids[i].Split('-')[0]).Distinct()));
    }

    [Fact]
    public void OneEventToldInDifferentWordsStaysOneStory()
    {
        var (items, _) = Items(Reports("narva", s_narva, 12));
        var parts = StorySplitter.Split(Enumerable.Range(0, items.Count).ToList(), items, ClusteringOptions.Default.SplitShare);
        Assert.Single(parts);
    }

    [Fact]
    public void AWireStoryAndItsCopiesAreNotAnEventOfTheirOwn()
    {
        // Five outlets carry one wire report word for word; five others write their own reports of the same fire.
        var wire = string.Join(' ', s_kind[0], s_narva[0], s_narva[1]);
        var copies = Enumerable.Range(0, 5).Select(i => ($"copy{i}", wire));
        var (items, _) = Items([.. copies, .. Reports("narva", s_narva, 5)]);
        var parts = StorySplitter.Split(Enumerable.Range(0, items.Count).ToList(), items, ClusteringOptions.Default.SplitShare);
        Assert.Single(parts);
    }

    [Fact]
    public void TheClustererKeepsTheTwoFiresApart()
    {
        var articles = Reports("narva", s_narva, 6).Concat(Reports("tallinn", s_tallinn, 6)).Select(r => Articles.Analyzed(r.Id, r.Text)).ToList();
        var stories = new StoryClusterer().Cluster(articles);
        Assert.Equal(2, stories.Count);
        Assert.All(stories, story => Assert.Single(story.Articles.Select(a => a.Id.Split('-')[0]).Distinct()));
    }

    [Fact]
    public void NoSplitIsTriedWhenTheShareIsZero()
    {
        var (items, _) = Items([.. Reports("narva", s_narva, 6), .. Reports("tallinn", s_tallinn, 6)]);
        Assert.Single(StorySplitter.Split(Enumerable.Range(0, items.Count).ToList(), items, share: 0));
    }

    /// <summary>Reports of one event, each a different pick of the kind's sentences and the event's own details.</summary>
    private static IEnumerable<(string Id, string Text)> Reports(string name, string[] details, int count)
    {
        var offset = name == "tallinn" ? s_asides.Length / 2 : 0; // the two events' reports take different asides
        return Enumerable.Range(0, count).Select(i => ($"{name}-{i}", string.Join(' ',
            s_kind[i % s_kind.Length],
            details[i % details.Length],
            s_asides[((2 * i) + offset) % s_asides.Length],
            details[(i + 1) % details.Length],
            s_asides[((2 * i) + 1 + offset) % s_asides.Length],
            s_kind[(i + 3) % s_kind.Length])));
    }

    private static (List<ClusterItem> Items, List<string> Ids) Items(IEnumerable<(string Id, string Text)> reports)
    {
        var vocabulary = new Vocabulary();
        var list = reports.ToList();
        var items = list.Select(r => ClusterFeatures.Item(ClusterFeatures.Of(Articles.Make(r.Id, r.Text), ClusteringOptions.Default), null, vocabulary)).ToList();
        return (items, list.Select(r => r.Id).ToList());
    }
}
