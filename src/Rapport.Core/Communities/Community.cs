using Rapport.Core.People;

namespace Rapport.Core.Communities;

/// <summary>A space with membership, roles and norms. People belong to many.</summary>
public sealed class Community
{
    public const int SlugMinLength = 3;
    public const int SlugMaxLength = 40;
    public const int NameMaxLength = 80;
    public const int DescriptionMaxLength = 4000;
    public const int NormsMaxLength = 4000;
    public const int MaxQuestions = 10;

    /// <summary>How many candidates routing invites to a new problem posted in the community, unless the host changes it.</summary>
    public const int DefaultInvitationsPerProblem = 3;
    public const int MinInvitationsPerProblem = 1;
    public const int MaxInvitationsPerProblem = 20;

    public Guid Id { get; set; }

    /// <summary>Unique, lower case, [a-z0-9-]; the community's address.</summary>
    public required string Slug { get; set; }

    private string _name = "";

    public required string Name
    {
        get => _name;
        set
        {
            _name = value;
            SearchName = SearchText.Fold(value);
        }
    }

    /// <summary>
    /// <see cref="Name"/> folded by <see cref="SearchText.Fold"/>, kept in step by the setter so that
    /// every writer (pages, API, seeding) leaves a community findable. EF loads it from its column.
    /// </summary>
    public string SearchName { get; private set; } = "";

    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";

    /// <summary>Markdown: how members are expected to behave.</summary>
    public string Norms { get; set; } = "";

    public MembershipMode MembershipMode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How many candidates routing invites per problem posted here (<see cref="MinInvitationsPerProblem"/>–<see cref="MaxInvitationsPerProblem"/>).</summary>
    public int InvitationsPerProblem { get; set; } = DefaultInvitationsPerProblem;

    public List<ApplicationQuestion> Questions { get; set; } = [];

    public List<Membership> Memberships { get; set; } = [];
}
