using Rapport.Core.Outcomes;
using Rapport.Core.People;

namespace Rapport.Core.Communities;

/// <summary>What a host writes about a community (everything but its address), as submitted.</summary>
public sealed record CommunityFields(
    string? Name,
    string? Description,
    string? Norms,
    MembershipMode? MembershipMode,
    IReadOnlyList<string>? Questions);

/// <summary><see cref="CommunityFields"/> after validation: trimmed, blank questions dropped.</summary>
internal sealed record ValidCommunityFields(string Name, string Description, string Norms, MembershipMode Mode, IReadOnlyList<string> Questions)
{
    /// <summary>Adds to <paramref name="errors"/> what is wrong with <paramref name="fields"/>; the clean values when nothing is.</summary>
    public static ValidCommunityFields? Validate(CommunityFields fields, FieldErrors errors)
    {
        var name = fields.Name?.Trim() ?? "";
        var description = fields.Description?.Trim() ?? "";
        var norms = fields.Norms?.Trim() ?? "";
        var questions = (fields.Questions ?? []).Select(q => q?.Trim() ?? "").Where(q => q.Length > 0).ToList();

        errors.Required("name", name, "Name").MaxLength("name", name, Community.NameMaxLength, "Name")
            .MaxLength("description", description, Community.DescriptionMaxLength, "Description")
            .MaxLength("norms", norms, Community.NormsMaxLength, "Norms");
        if (ProfileRules.HasControlCharacters(name))
        {
            errors.Add("name", "Name cannot contain control characters.");
        }

        if (fields.MembershipMode is not { } mode || !Enum.IsDefined(mode))
        {
            errors.Add("membershipMode", "Choose how people join: open, by application or by invitation.");
        }

        if (questions.Count > Community.MaxQuestions)
        {
            errors.Add("questions", $"Ask at most {Community.MaxQuestions} questions.");
        }

        for (var i = 0; i < questions.Count; i++)
        {
            errors.MaxLength($"questions[{i}]", questions[i], ApplicationQuestion.TextMaxLength, $"Question {i + 1}");
        }

        return errors.IsEmpty ? new ValidCommunityFields(name, description, norms, fields.MembershipMode!.Value, questions) : null;
    }

    public List<ApplicationQuestion> ToQuestions(Guid communityId) =>
        Questions.Select((text, i) => new ApplicationQuestion { CommunityId = communityId, Position = i, Text = text }).ToList();
}
