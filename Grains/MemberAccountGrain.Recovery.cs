using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Secrets;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Recovery;

namespace Sesame.Grains;

// Recovery of a lost secret and first connection: one-time codes, their verification, the new secret.
internal sealed partial class MemberAccountGrain
{
    private const string CodePurpose = "one-time-code";
    private const string ResetPurpose = "reset-token";

    /// <summary>What an identifier with no account answers, and an account no channel reaches: a letter, no address shown.</summary>
    private static readonly RecoveryStart ByLetter = new(CodeChannel.Letter, null);

    public async Task<RecoveryStart> StartRecoveryAsync(CodeChannel? preferred, string flowId, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(flowId);
        ArgumentNullException.ThrowIfNull(origin);
        var policy = RequirePolicy().Recovery;
        if (!account.RecordExists || IsInactiveSpace(account.State))
        {
            // The same work as a code sent: a seal, nothing stored.
            digest.Seal(CodePurpose, OneTimeCode.New(CodeChannel.Email, policy.Email.CodeLength));
            return ByLetter;
        }

        return await StoreAsync(state =>
        {
            if (ChooseChannel(policy, preferred, profile.State) is not { } channel)
            {
                return ByLetter;
            }

            var now = time.GetUtcNow();
            var channelPolicy = ChannelPolicy(policy, channel);
            var shown = Reveal(policy, channel, profile.State);
            if (state.PendingCode is { } pending && pending.Channel == channel && now - pending.SentAt < channelPolicy.ResendCooldown && IsLive(pending, policy, now))
            {
                // Too soon for another message: the code already sent now belongs to the page that asked last.
                pending.FlowId = channel == CodeChannel.Letter ? null : flowId;
                return shown;
            }

            SendCode(state, NotificationKind.RecoveryCode, channel, channelPolicy, channel == CodeChannel.Letter ? null : flowId, origin);
            metrics.RecoveryCodeSent(Tenant, channel);
            return shown;
        });
    }

    public async Task<CodeVerification> VerifyCodeAsync(string flowId, string code, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(flowId);
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(origin);
        var policy = RequirePolicy().Recovery;
        if (!account.RecordExists || account.State.PendingCode is null || IsInactiveSpace(account.State))
        {
            digest.Seal(CodePurpose, code);
            return CodeVerification.Refused;
        }

        return await StoreAsync(state =>
        {
            var boundHere = state.PendingCode?.FlowId is not { } boundTo || boundTo == flowId;
            if (!CheckOneTimeCode(state, state.PendingCode, () => state.PendingCode = null, CodePurpose, code, boundHere, policy, origin))
            {
                return CodeVerification.Refused;
            }

            metrics.RecoveryCodeVerified(Tenant, state.PendingCode!.Channel);
            state.PendingCode = null;
            var token = RandomToken.New();
            state.PendingReset = new PendingResetState { TokenSeal = digest.Seal(ResetPurpose, BoundToAccount(token)), ExpiresAt = time.GetUtcNow() + policy.ResetLifetime };
            Audit(state, AuditEvent.CodeUsed, origin);
            return new CodeVerification(token, state.PendingReset.ExpiresAt);
        });
    }

    public async Task<SecretResetResult> ResetSecretAsync(string resetToken, string newSecret, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resetToken);
        ArgumentNullException.ThrowIfNull(newSecret);
        ArgumentNullException.ThrowIfNull(origin);
        var policy = RequirePolicy();
        if (!account.RecordExists
            || IsInactiveSpace(account.State)
            || account.State.PendingReset is not { } reset
            || reset.ExpiresAt <= time.GetUtcNow()
            || !digest.Matches(reset.TokenSeal, ResetPurpose, BoundToAccount(resetToken)))
        {
            return SecretResetResult.ResetRefused;
        }

        var violations = SecretRules.Check(policy.Secret, newSecret, profile.State.BirthDate);
        if (violations.Count > 0)
        {
            return SecretResetResult.SecretRejected(violations);
        }

        // Sessions end first: if the change below then failed, the member would only have been signed out.
        await EndListedSessionsAsync();
        var hash = hasher.Hash(newSecret);
        await StoreAsync(state =>
        {
            state.SecretHash = hash;
            state.SecretChangedAt = time.GetUtcNow();
            state.PendingReset = null;
            ClearAttempts(state);
            state.Sessions.Clear();
            Audit(state, AuditEvent.SecretChanged, origin);
            NotifyChange(state, NotificationKind.SecretChanged, profile.State.Email, profile.State.Mobile);
            return true;
        });
        ScheduleLockoutEnd();
        LogSecretChanged(logger, this.GetGrainId());
        return SecretResetResult.Changed;
    }

    public async Task<SecurityCodeIssue> IssueSecurityCodeAsync(CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists)
        {
            return SecurityCodeIssue.NoAccount;
        }

        if (RequirePolicy().Activation.Enabled)
        {
            return SecurityCodeIssue.NotOffered;
        }

        if (profile.State.PostalAddress.Count == 0)
        {
            return SecurityCodeIssue.NoPostalAddress;
        }

        var policy = RequirePolicy().Recovery;
        return await StoreAsync(state =>
        {
            SendCode(state, NotificationKind.SecurityCode, CodeChannel.Letter, policy.Letter, flowId: null, origin);
            return SecurityCodeIssue.Queued;
        });
    }

    private static CodeChannel? ChooseChannel(RecoveryPolicy policy, CodeChannel? preferred, MemberProfileState member)
    {
        var byEmail = policy.Email.Enabled && member.Email is not null;
        var bySms = policy.Sms.Enabled && member.Mobile is not null;
        var byLetter = policy.Letter.Enabled && member.PostalAddress.Count > 0;
        return preferred switch
        {
            CodeChannel.Sms when bySms => CodeChannel.Sms,
            CodeChannel.Letter when byLetter => CodeChannel.Letter,
            _ when byEmail => CodeChannel.Email,
            _ when byLetter => CodeChannel.Letter,
            _ => null,
        };
    }

    private static CodeChannelPolicy ChannelPolicy(RecoveryPolicy policy, CodeChannel channel) => channel switch
    {
        CodeChannel.Email => policy.Email,
        CodeChannel.Sms => policy.Sms,
        _ => policy.Letter,
    };

    private static RecoveryStart Reveal(RecoveryPolicy policy, CodeChannel channel, MemberProfileState member) => channel switch
    {
        CodeChannel.Email when policy.RevealMaskedDestination => new(channel, Masking.Email(member.Email!)),
        CodeChannel.Sms when policy.RevealMaskedDestination => new(channel, Masking.Mobile(member.Mobile!)),
        _ => new(channel, null),
    };

    private static bool IsLive(PendingCodeState pending, RecoveryPolicy policy, DateTimeOffset now) =>
        pending.ExpiresAt > now && pending.FailedTries < policy.MaxTriesPerCode;

    /// <summary>
    /// Whether <paramref name="code"/> is the live <paramref name="pending"/> code, entered where it is bound. A wrong one
    /// counts on the code's tries and on the account's budget across codes and flows; a dead one is dropped.
    /// </summary>
    private bool CheckOneTimeCode(MemberAccountState state, PendingCodeState? pending, Action drop, string purpose, string code, bool enteredWhereBound, RecoveryPolicy policy, CallOrigin origin)
    {
        if (pending is null || !CodeBudgetLeft(state, policy))
        {
            return false;
        }

        if (!IsLive(pending, policy, time.GetUtcNow()))
        {
            drop();
            RecordCodeEntry(state, CodeEntry.Expired, origin);
            return false;
        }

        if (!CodeMatches(pending, purpose, code) || !enteredWhereBound)
        {
            pending.FailedTries++;
            RecordCodeEntry(state, CodeEntry.Wrong, origin);
            return false;
        }

        return true;
    }

    /// <summary>Whether the account's budget of wrong codes, across codes and flows, leaves room for another entry; entries past its window are forgotten.</summary>
    private bool CodeBudgetLeft(MemberAccountState state, RecoveryPolicy policy)
    {
        var now = time.GetUtcNow();
        state.FailedCodeEntries.RemoveAll(at => now - at >= policy.FailedCodesWindow);
        return state.FailedCodeEntries.Count < policy.FailedCodesBudget;
    }

    /// <summary>Records a code that was not the live one: a wrong code counts on the budget, a dead one only on the audit trail.</summary>
    private void RecordCodeEntry(MemberAccountState state, CodeEntry entry, CallOrigin origin)
    {
        if (entry == CodeEntry.Wrong)
        {
            state.FailedCodeEntries.Add(time.GetUtcNow());
        }

        Audit(state, entry == CodeEntry.Wrong ? AuditEvent.CodeRejected : AuditEvent.CodeExpired, origin);
    }

    /// <summary>Replaces any pending code with a new one and puts the message that carries it in the outbox, in the same write.</summary>
    private void SendCode(MemberAccountState state, NotificationKind kind, CodeChannel channel, CodeChannelPolicy channelPolicy, string? flowId, CallOrigin origin)
    {
        var destination = channel switch
        {
            CodeChannel.Email => profile.State.Email!,
            CodeChannel.Sms => profile.State.Mobile!,
            _ => string.Join('\n', profile.State.PostalAddress),
        };
        state.PendingCode = IssueCode(state, CodePurpose, kind, channel, destination, OneTimeCode.New(channel, channelPolicy.CodeLength), channelPolicy.Lifetime, flowId);
        state.PendingReset = null;
        Audit(state, AuditEvent.CodeSent, origin);
    }

    /// <summary>
    /// A new one-time code: its message goes into the outbox, and what is returned keeps only its seal for
    /// <paramref name="purpose"/>, bound to this account, to be stored in the same write.
    /// </summary>
    private PendingCodeState IssueCode(MemberAccountState state, string purpose, NotificationKind kind, CodeChannel channel, string destination, string code, TimeSpan lifetime, string? flowId)
    {
        var now = time.GetUtcNow();
        var pending = new PendingCodeState
        {
            Seal = SealCode(purpose, code),
            Kind = kind,
            Channel = channel,
            FlowId = flowId,
            SentAt = now,
            ExpiresAt = now + lifetime,
        };
        Enqueue(state, kind, channel, destination, code, pending.ExpiresAt);
        return pending;
    }

    private string SealCode(string purpose, string code) => digest.Seal(purpose, BoundToAccount(OneTimeCode.Normalize(code)));

    private bool CodeMatches(PendingCodeState pending, string purpose, string code) => digest.Matches(pending.Seal, purpose, BoundToAccount(OneTimeCode.Normalize(code)));

    /// <summary>What a seal is made of: the value with this account's key, so a seal copied to another account matches nothing there.</summary>
    private string BoundToAccount(string value) => $"{this.GetPrimaryKeyString()}\0{value}";

    /// <summary>A space that is not active (pending, opposed, created, closed) has no secret to recover: it is activated instead.</summary>
    private static bool IsInactiveSpace(MemberAccountState state) => state.Space is { } space && space != SpaceStatus.Active;

    /// <summary>Tells the member of a change: by e-mail, else by SMS, else not at all (a letter per change would cost more than it protects).</summary>
    private void NotifyChange(MemberAccountState state, NotificationKind kind, string? email, string? mobile)
    {
        if (email is not null)
        {
            Enqueue(state, kind, CodeChannel.Email, email, payload: null, expiresAt: null);
        }
        else if (mobile is not null)
        {
            Enqueue(state, kind, CodeChannel.Sms, mobile, payload: null, expiresAt: null);
        }
    }
}
