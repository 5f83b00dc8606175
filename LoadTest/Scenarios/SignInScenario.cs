namespace Sesame.LoadTest.Scenarios;

/// <summary>
/// A member signs in and reads a few pages: <c>pin-signin</c> (ASSU2000 and ACS: identifier and PIN),
/// <c>keypad-signin</c> (CPMS: the PIN on a scrambled keypad, the CGU accepted once), <c>challenge-signin</c> (mnt:
/// the anti-robot picture, then the password).
/// </summary>
internal sealed class SignInScenario(string name, string description, params string[] tenants) : IScenario
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public bool NeedsInbox => false;

    public Task<string> PlayAsync(Journey journey) => PortalSteps.WithMemberAsync(journey, tenants, member => PortalSteps.SignInAndBrowseAsync(journey, member));
}
