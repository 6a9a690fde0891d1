using Rapport.Core.People;

namespace Rapport.Core.Communities;

/// <summary>A person's belonging to a community.</summary>
public sealed class Membership
{
    public Guid CommunityId { get; set; }

    public Guid PersonId { get; set; }

    public CommunityRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public Community? Community { get; set; }

    public Person? Person { get; set; }
}
