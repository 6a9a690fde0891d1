namespace Rapport.Core.Communities;

/// <summary>An applicant's answer to one of the hosts' questions. The question text is copied so later edits do not rewrite history.</summary>
public sealed class ApplicationAnswer
{
    public long Id { get; set; }

    public Guid ApplicationId { get; set; }

    public required string Question { get; set; }

    public required string Text { get; set; }
}
