using Sesame.V1;

namespace Sesame.LoadTest.Scenarios;

/// <summary>
/// <c>mes-access-code</c> ("Se connecter à Mon espace santé"): identifier and password, the one-time access code by
/// e-mail, then the visit. Needs an inbox, and members activated at seeding.
/// </summary>
internal sealed class AccessCodeScenario : IScenario
{
    private static readonly string[] Tenants = ["mes"];

    public string Name => "mes-access-code";

    public string Description => "Mon espace santé: password, the access code by e-mail, a visit (needs an inbox)";

    public bool NeedsInbox => true;

    public Task<string> PlayAsync(Journey journey) => PortalSteps.WithMemberAsync(journey, Tenants, async member =>
    {
        var context = journey.Context;
        var flowId = string.Empty;
        var (code, outcome) = await PortalSteps.ReceiveCodeAsync(journey, member, "access code", async () =>
        {
            var sent = await PortalSteps.SignInAsync(journey, member, member.Secret);
            flowId = sent.AccessCodeFlowId;
            return sent.Status == LoginStatus.AccessCodeSent ? null : Outcomes.Unexpected($"Login {sent.Status}");
        });
        if (code is null)
        {
            return outcome!;
        }

        var request = new VerifyAccessCodeRequest { Tenant = member.Tenant, Identifier = member.Identifier, AccessCodeFlowId = flowId, Code = code };
        var reply = await journey.CallAsync("VerifyAccessCode", options => context.Clients.Portal(member.Tenant).MemberAuth.VerifyAccessCodeAsync(request, options));
        if (reply.Status != LoginStatus.Succeeded)
        {
            return Outcomes.Unexpected($"VerifyAccessCode {reply.Status}");
        }

        return await PortalSteps.BrowseAsync(journey, member.Tenant, reply) is { } problem ? Outcomes.Unexpected(problem) : Outcomes.Ok;
    });
}
