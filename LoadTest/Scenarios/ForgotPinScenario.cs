using System.Globalization;
using Sesame.LoadTest.Members;
using Sesame.V1;

namespace Sesame.LoadTest.Scenarios;

/// <summary>
/// <c>forgot-pin</c> ("Code confidentiel oublié"): the code by e-mail, "Vérifier", a new PIN and its confirmation,
/// then a sign-in with it and a visit. The member's PIN in the member file becomes the new one.
/// </summary>
internal sealed class ForgotPinScenario : IScenario
{
    private static readonly string[] Tenants = ["assu2000", "acs"];

    public string Name => "forgot-pin";

    public string Description => "ASSU2000/ACS: recovery code by e-mail, a new PIN, a sign-in with it (needs an inbox)";

    public bool NeedsInbox => true;

    public Task<string> PlayAsync(Journey journey) => PortalSteps.WithMemberAsync(journey, Tenants, async member =>
    {
        var context = journey.Context;
        var flowId = PortalSteps.NewFlowId();
        var (code, outcome) = await PortalSteps.ReceiveCodeAsync(journey, member, "recovery code", async () =>
        {
            var started = await journey.CallAsync("StartRecovery", options => context.Clients.Portal(member.Tenant).MemberRecovery.StartRecoveryAsync(new StartRecoveryRequest { Tenant = member.Tenant, Identifier = member.Identifier, FlowId = flowId }, options));
            return started.Channel == CodeChannel.Email ? null : Outcomes.Unexpected($"StartRecovery sent by {started.Channel}");
        });
        if (code is null)
        {
            return outcome!;
        }

        var verified = await journey.CallAsync("VerifyCode", options => context.Clients.Portal(member.Tenant).MemberRecovery.VerifyCodeAsync(new VerifyCodeRequest { Tenant = member.Tenant, Identifier = member.Identifier, FlowId = flowId, Code = code }, options));
        if (verified.Status != VerifyCodeStatus.Verified)
        {
            return Outcomes.Unexpected($"VerifyCode {verified.Status}");
        }

        await journey.ThinkAsync(PortalSteps.Typing);
        var pin = TestPins.Other(member.Secret, DateOnly.ParseExact(member.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), Random.Shared);
        var changed = await journey.CallAsync("SetNewSecret", options => context.Clients.Portal(member.Tenant).MemberRecovery.SetNewSecretAsync(new SetNewSecretRequest { Tenant = member.Tenant, Identifier = member.Identifier, ResetToken = verified.ResetToken, Secret = pin, Confirmation = pin }, options));
        if (changed.Status != SetNewSecretStatus.Changed)
        {
            return Outcomes.Unexpected($"SetNewSecret {changed.Status}");
        }

        member.Secret = pin;
        await journey.ThinkAsync(PortalSteps.Typing);
        return await PortalSteps.SignInAndBrowseAsync(journey, member);
    });

}
