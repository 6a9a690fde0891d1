namespace Rapport.Core.Communities;

/// <summary>What a host decides about an application.</summary>
public enum ApplicationDecision
{
    Approve,
    Decline,
}
