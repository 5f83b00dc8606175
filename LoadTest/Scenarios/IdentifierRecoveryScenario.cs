using Sesame.V1;

namespace Sesame.LoadTest.Scenarios;

/// <summary>
/// <c>identifier-recovery</c> ("Obtenir son identifiant"): NIR, birth date and postal code, and the identifier goes
/// by e-mail. Lookups are limited per NIR (5 an hour) and per client address: TOO_MANY_ATTEMPTS is
/// <c>rate-limited</c>, a limit answered as designed.
/// </summary>
internal sealed class IdentifierRecoveryScenario : IScenario
{
    private static readonly string[] Tenants = ["assu2000", "acs", "mnt"];

    public string Name => "identifier-recovery";

    public string Description => "ASSU2000/ACS/mnt: NIR, birth date and postal code, the identifier by e-mail";

    public bool NeedsInbox => false;

    public Task<string> PlayAsync(Journey journey) => PortalSteps.WithMemberAsync(journey, Tenants, async member =>
    {
        var request = new RecoverIdentifierRequest { Tenant = member.Tenant, Nir = member.Nir, BirthDate = member.BirthDate, PostalCode = member.PostalCode };
        var reply = await journey.CallAsync("RecoverIdentifier", options => journey.Context.Clients.Portal(member.Tenant).MemberRecovery.RecoverIdentifierAsync(request, options));
        return reply.Status switch
        {
            RecoverIdentifierStatus.EmailSent => Outcomes.Ok,
            RecoverIdentifierStatus.TooManyAttempts => Outcomes.RateLimited,
            var other => Outcomes.Unexpected($"RecoverIdentifier {other}"),
        };
    });
}
