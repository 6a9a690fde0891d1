namespace Rapport.Core.Communities;

public enum ApplicationStatus
{
    Pending = 0,
    Approved = 1,
    Declined = 2,
    Withdrawn = 3,
}
