using Sesame.V1;

namespace Sesame.LoadTest.Scenarios;

/// <summary><c>typo-then-signin</c>: a wrong PIN ("Identifiant ou code confidentiel incorrect"), then the right one, then the visit.</summary>
internal sealed class TypoScenario : IScenario
{
    private static readonly string[] Tenants = ["assu2000", "acs"];

    public string Name => "typo-then-signin";

    public string Description => "ASSU2000/ACS: one wrong PIN, then the right one and a visit";

    public bool NeedsInbox => false;

    public Task<string> PlayAsync(Journey journey) => PortalSteps.WithMemberAsync(journey, Tenants, async member =>
    {
        var wrong = await PortalSteps.SignInAsync(journey, member, WrongPins.For(member.Secret));
        if (wrong.Status != LoginStatus.InvalidCredentials)
        {
            return Outcomes.Unexpected($"wrong PIN answered {wrong.Status}");
        }

        await journey.ThinkAsync(PortalSteps.Typing);
        return await PortalSteps.SignInAndBrowseAsync(journey, member);
    });
}
