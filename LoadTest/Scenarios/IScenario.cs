namespace Sesame.LoadTest.Scenarios;

/// <summary>A journey from a portal's help pages, played by one member.</summary>
internal interface IScenario
{
    /// <summary>Its name in mix files.</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c> and the report.</summary>
    string Description { get; }

    /// <summary>Whether it reads e-mailed codes (it is left out of a run without an inbox).</summary>
    bool NeedsInbox { get; }

    /// <summary>Plays one journey and says how it ended (see <see cref="Outcomes"/>). A gRPC error ends it by throwing <see cref="JourneyCallException"/>.</summary>
    Task<string> PlayAsync(Journey journey);
}
