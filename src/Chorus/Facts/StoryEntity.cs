using Chorus.Text;

namespace Chorus.Facts;

/// <summary>Where an entity is mentioned: an article and a span in its text.</summary>
public sealed record MentionRef(string ArticleId, EntityMention Mention);

/// <summary>
/// One entity of a story with its name variants merged: the consensus name, every alias, the articles that
/// mention it, and each mention.
/// </summary>
public sealed record StoryEntity(string Id, string Name, EntityKind Kind, IReadOnlyList<string> Aliases, IReadOnlyList<string> Sources, IReadOnlyList<MentionRef> Mentions);
