using Rapport.Core.Communities;

namespace Rapport.Core.Blocks;

/// <summary>A person the viewer blocked, and since when. Only the blocker ever sees their blocks.</summary>
public sealed record BlockView(PersonSummary Person, DateTimeOffset Since);
