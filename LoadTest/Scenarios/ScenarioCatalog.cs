namespace Sesame.LoadTest.Scenarios;

/// <summary>The scenarios a mix names.</summary>
internal static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new SignInScenario("pin-signin", "ASSU2000/ACS: identifier and PIN, a few pages, logout", "assu2000", "acs"),
        new SignInScenario("keypad-signin", "CPMS: the PIN on a scrambled keypad, the CGU once, a few pages, logout", "cpms"),
        new SignInScenario("challenge-signin", "mnt: the anti-robot picture and the password, a few pages, logout", "mnt"),
        new AccessCodeScenario(),
        new TypoScenario(),
        new LockoutScenario(),
        new ForgotPinScenario(),
        new IdentifierRecoveryScenario(),
    ];

    public static IScenario? Find(string name) => All.FirstOrDefault(scenario => scenario.Name == name);
}
