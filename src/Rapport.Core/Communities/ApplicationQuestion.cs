namespace Rapport.Core.Communities;

/// <summary>A question the hosts ask everyone who applies to join.</summary>
public sealed class ApplicationQuestion
{
    public const int TextMaxLength = 500;

    public long Id { get; set; }

    public Guid CommunityId { get; set; }

    /// <summary>Order on the application form, from 0.</summary>
    public int Position { get; set; }

    public required string Text { get; set; }
}
