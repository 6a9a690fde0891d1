namespace Rapport.Web.Tests.Durability;

/// <summary>
/// The kill cycles hold the app to QUALITY.md's restart bar (healthy again in &lt; 10 s), a wall-clock time, so they run
/// alone: xUnit runs a collection without parallelization after every parallel collection of the assembly has finished,
/// and the restart is not timed while the browser journeys and the other tests share the two cores with it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Durability, run alone";
}
