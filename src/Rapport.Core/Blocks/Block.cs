using System.Linq.Expressions;

namespace Rapport.Core.Blocks;

/// <summary>
/// One person blocks another (one row per pair). Routing never invites across a block in either direction, and a
/// blocked person cannot invite or refer the blocker; <see cref="Between"/> is the one rule for "either direction".
/// Only the blocker sees their blocks.
/// </summary>
public sealed class Block
{
    /// <summary>Blocks one person may hold.</summary>
    public const int MaxPerPerson = 1000;

    public Guid BlockerId { get; set; }

    public Guid BlockedId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A block exists between the two, whoever made it.</summary>
    public static Expression<Func<Block, bool>> Between(Guid one, Guid other) =>
        b => (b.BlockerId == one && b.BlockedId == other) || (b.BlockerId == other && b.BlockedId == one);

    /// <summary>A block involving this person either way (for "everyone across a block from me").</summary>
    public static Expression<Func<Block, bool>> Involving(Guid person) =>
        b => b.BlockerId == person || b.BlockedId == person;
}
