namespace Rapport.Core.People;

/// <summary>Whether a person wants to be asked for help right now. Routing respects it.</summary>
public enum Availability
{
    Available = 0,
    Busy = 1,
    Away = 2,
}
