using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Recovery;

namespace Sesame.Grains;

// The second factor of a sign-in: a one-time access code by e-mail or SMS after the password (mes).
internal sealed partial class MemberAccountGrain
{
    private const string AccessCodePurpose = "access-code";

    public async Task<LoginResult> VerifyAccessCodeAsync(string flowId, string code, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(flowId);
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(origin);
        var policy = RequirePolicy();
        if (!account.RecordExists || account.State.PendingAccessCode is not { } pending || pending.FlowId != TokenKey.Digest(flowId))
        {
            // No code waits for this sign-in: nothing to count, as no guess can match.
            digest.Seal(AccessCodePurpose, code);
            return LoginResult.AccessCodeExpired;
        }

        var (result, sessionToken) = await StoreAsync(state =>
        {
            if (CheckAccessCode(state, pending, policy, code) is { } refusal)
            {
                Audit(state, refusal.Event, origin);
                return (refusal.Result, (string?)null);
            }

            state.PendingAccessCode = null;
            state.AccessCodeAttempts.Clear();
            return (Succeed(state, policy, origin), ListNewSession(policy));
        });
        ScheduleLockoutEnd();
        LogLoginDecided(logger, this.GetGrainId(), result.Status);
        return await StartSessionAsync(result, sessionToken, policy);
    }

    /// <summary>Null when the access code is right; otherwise the refusal and what the audit trail records of it.</summary>
    private (LoginResult Result, AuditEvent Event)? CheckAccessCode(MemberAccountState state, PendingCodeState pending, TenantPolicy policy, string code)
    {
        if (state.RecoveryRequired)
        {
            return (LoginResult.RecoveryRequired, AuditEvent.LoginRefusedUntilRecovery);
        }

        if (RemainingLockout(state.AccessCodeAttempts) is { } wait)
        {
            return (LoginResult.LockedOut(wait), AuditEvent.LoginRefusedWhileLocked);
        }

        if (pending.ExpiresAt <= time.GetUtcNow())
        {
            state.PendingAccessCode = null;
            return (LoginResult.AccessCodeExpired, AuditEvent.CodeExpired);
        }

        if (CodeMatches(pending, AccessCodePurpose, code))
        {
            return null;
        }

        var (result, auditEvent) = CountFailure(state, state.AccessCodeAttempts, policy, AuditEvent.AccessCodeRejected);
        if (result.Status != LoginStatus.InvalidCredentials)
        {
            // Locked: this code is dead; the member signs in again once the lockout ends.
            state.PendingAccessCode = null;
        }

        return (result, auditEvent);
    }

    /// <summary>
    /// After a right password: sends an access code bound to a new sign-in id, by the channel the member chose when it
    /// is on file, else by e-mail, else by SMS. Within the resend cooldown no new message goes: the code already sent
    /// moves to the new sign-in.
    /// </summary>
    private LoginResult SendAccessCode(MemberAccountState state, TenantPolicy policy, CodeChannel? preferred, CallOrigin origin)
    {
        if (RemainingLockout(state.AccessCodeAttempts) is { } wait)
        {
            Audit(state, AuditEvent.LoginRefusedWhileLocked, origin);
            return LoginResult.LockedOut(wait);
        }

        var channel = (preferred, profile.State.Email, profile.State.Mobile) switch
        {
            (CodeChannel.Sms, _, not null) => CodeChannel.Sms,
            (_, not null, _) => CodeChannel.Email,
            (_, null, not null) => CodeChannel.Sms,
            _ => (CodeChannel?)null,
        };
        if (channel is not { } chosen)
        {
            return LoginResult.NoAccessCodeChannel;
        }

        var factor = policy.SecondFactor;
        var now = time.GetUtcNow();
        var flowId = RandomToken.New();
        var destination = chosen == CodeChannel.Email ? profile.State.Email! : profile.State.Mobile!;
        if (state.PendingAccessCode is { } pending && pending.Channel == chosen && now - pending.SentAt < factor.ResendCooldown && pending.ExpiresAt > now)
        {
            pending.FlowId = TokenKey.Digest(flowId);
        }
        else
        {
            var code = OneTimeCode.New(chosen, factor.CodeLength);
            state.PendingAccessCode = IssueCode(state, AccessCodePurpose, NotificationKind.AccessCode, chosen, destination, code, factor.Lifetime, TokenKey.Digest(flowId));
        }

        Audit(state, AuditEvent.AccessCodeSent, origin);
        var masked = chosen == CodeChannel.Email ? Masking.Email(destination) : Masking.Mobile(destination);
        return new LoginResult(LoginStatus.AccessCodeSent, AccessCode: new AccessCodeSent(flowId, chosen, masked, state.PendingAccessCode!.ExpiresAt));
    }
}
