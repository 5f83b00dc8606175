using Sesame.V1;

namespace Sesame.LoadTest.Scenarios;

/// <summary>
/// <c>wrong-pins-lockout</c>: a member types wrong PINs until the account locks ("3 tentatives", then a minute), tries
/// the right PIN, and is refused. Each lockout member of the seeding plays it once per run; what it was answered goes
/// to the <see cref="Correctness.LockoutLedger"/> for the check against the audit trail.
/// </summary>
internal sealed class LockoutScenario : IScenario
{
    private const int MaxWrongPins = 10;

    private static readonly string[] Tenants = ["assu2000", "acs"];

    public string Name => "wrong-pins-lockout";

    public string Description => "ASSU2000/ACS: wrong PINs up to the lockout, then the right PIN refused (checked against the audit trail)";

    public bool NeedsInbox => false;

    public async Task<string> PlayAsync(Journey journey)
    {
        var first = Random.Shared.Next(Tenants.Length);
        var member = Enumerable.Range(0, Tenants.Length).Select(offset => journey.Context.Accounts.TakeForLockout(Tenants[(first + offset) % Tenants.Length])).FirstOrDefault(taken => taken is not null);
        if (member is null)
        {
            return "skipped: every lockout member used (seed more)";
        }

        var record = journey.Context.Lockouts.Open(member.Tenant, member.Identifier);
        try
        {
            for (var attempt = 0; attempt < MaxWrongPins && !record.SawLockout; attempt++)
            {
                if (attempt > 0)
                {
                    await journey.ThinkAsync(PortalSteps.Typing);
                }

                var reply = await PortalSteps.SignInAsync(journey, member, WrongPins.For(member.Secret));
                record.WrongAnswered++;
                if (reply.Status is LoginStatus.LockedOut or LoginStatus.RecoveryRequired)
                {
                    record.SawLockout = true;
                }
                else if (reply.Status != LoginStatus.InvalidCredentials)
                {
                    return Outcomes.Unexpected($"wrong PIN answered {reply.Status}");
                }
            }

            if (!record.SawLockout)
            {
                return Outcomes.Unexpected($"no lockout after {MaxWrongPins} wrong PINs");
            }

            await journey.ThinkAsync(PortalSteps.Reading);
            var right = await PortalSteps.SignInAsync(journey, member, member.Secret);
            if (right.Status is not (LoginStatus.LockedOut or LoginStatus.RecoveryRequired))
            {
                return Outcomes.Unexpected($"right PIN during the lockout answered {right.Status}");
            }

            record.RefusedAnswered++;
            return Outcomes.Ok;
        }
        catch (JourneyCallException)
        {
            record.Unanswered = true;
            throw;
        }
    }
}
