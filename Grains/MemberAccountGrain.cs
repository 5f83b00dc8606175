using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sesame.Grains.Hashing;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Secrets;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Notifications;
using Sesame.Grains.Telemetry;

namespace Sesame.Grains;

[GrainType("member-account")]
internal sealed partial class MemberAccountGrain(
    [PersistentState("account")] IPersistentState<MemberAccountState> account,
    [PersistentState("profile")] IPersistentState<MemberProfileState> profile,
    ITenantPolicies tenants,
    ISecretHasher hasher,
    IKeyedDigest digest,
    IGrainKeys keys,
    IOptions<NotificationOptions> notificationOptions,
    TimeProvider time,
    AccountMetrics metrics,
    OutboxBacklog backlog,
    ILogger<MemberAccountGrain> logger) : Grain, IMemberAccountGrain
{
    /// <summary>How many audit entries an account keeps; older ones are dropped.</summary>
    public const int AuditTrailLength = 100;

    private static readonly TimeSpan UnknownAccountRecoveryKept = TimeSpan.FromDays(1);

    /// <summary>The counters of an identifier with no account, while this activation lives.</summary>
    private MemberAccountState? unknownAccount;

    private IGrainTimer? lockoutTimer;

    /// <summary>Whether this activation counts among the active accounts: it holds an account's record.</summary>
    private bool countedActive;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleLockoutEnd();
        if (account.RecordExists)
        {
            CountActive();
            backlog.Track(this.GetPrimaryKeyString(), account.State.Outbox);
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (countedActive)
        {
            metrics.AccountDeactivated(Tenant);
        }

        backlog.Forget(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<AccountCreationResult> CreateAsync(NewMemberAccount newAccount, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newAccount);
        ArgumentNullException.ThrowIfNull(origin);
        if (FindPolicy() is not { } policy)
        {
            return AccountCreationResult.UnknownTenant;
        }

        if (account.RecordExists)
        {
            return AccountCreationResult.AlreadyExists;
        }

        if (keys.Account(Tenant, newAccount.Identifier) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"The identifier given does not lead to account {this.GetGrainId()}.", nameof(newAccount));
        }

        var violations = newAccount.Secret is null ? [] : SecretRules.Check(policy.Secret, newAccount.Secret, newAccount.BirthDate);
        if (violations.Count > 0)
        {
            return AccountCreationResult.SecretRejected(violations);
        }

        var now = time.GetUtcNow();
        var contacts = newAccount.Contacts;
        profile.State = new MemberProfileState
        {
            Identifier = newAccount.Identifier,
            BirthDate = newAccount.BirthDate,
            NirDigest = newAccount.Nir is null ? null : NirDigest(newAccount.Nir),
            PostalCode = newAccount.PostalCode,
            Email = contacts.Email,
            Mobile = contacts.Mobile,
            PostalAddress = [.. contacts.PostalAddress],
            IbanTailHash = newAccount.IbanTail is null ? null : hasher.Hash(newAccount.IbanTail),
        };
        account.State = new MemberAccountState
        {
            SecretHash = newAccount.Secret is null ? string.Empty : hasher.Hash(newAccount.Secret),
            SecretChangedAt = now,
            CreatedAt = now,
        };
        Audit(account.State, AuditEvent.AccountCreated, origin);
        if (newAccount.VitaleCard is { } card)
        {
            // Kept by the space before the account exists: a crash in between leaves a card's seal to nothing, never an account without its card.
            await GrainFactory.GetGrain<IMemberSpaceGrain>(this.GetPrimaryKeyString()).SetVitaleCardAsync(card, CancellationToken.None);
        }

        if (profile.State.NirDigest is { } nirDigest)
        {
            // Listed before it exists: a crash in between leaves a directory entry to nothing, never a member no lookup finds.
            await GrainFactory.GetGrain<IMemberDirectoryGrain>(MemberAccountKey.For(Tenant, nirDigest)).AddAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        }

        // The account's record is what makes it exist, so the profile is stored first: a crash in between leaves a
        // profile that the next creation overwrites.
        await profile.WriteStateAsync(CancellationToken.None);
        await account.WriteStateAsync(CancellationToken.None);
        CountActive();
        LogAccountCreated(logger, this.GetGrainId());
        return AccountCreationResult.Created;
    }

    public async Task<LoginResult> LoginAsync(string secret, CodeChannel? accessCodeChannel, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(origin);
        if (FindPolicy() is not { } policy)
        {
            return LoginResult.UnknownTenant;
        }

        if (!account.RecordExists)
        {
            // An identifier with no account is counted and locked like one, in this activation: the only one in the
            // cluster. It stays while a lockout runs, or a day when recovery would be required, so both hold.
            unknownAccount ??= new MemberAccountState();
            var refusal = CheckSecret(unknownAccount, policy, () => hasher.VerifyDummy(secret), secret) ?? throw new InvalidOperationException("A dummy verification succeeded.");
            KeepUnknownAccountCounts();
            return refusal.Result;
        }

        // Every decision is stored before it is told: a failure is never lost, nor a success told that was not stored.
        var (result, sessionToken) = await StoreAsync(state =>
        {
            if (CheckSecret(state, policy, () => state.SecretHash.Length == 0 ? hasher.VerifyDummy(secret) : hasher.Verify(state.SecretHash, secret), secret) is { } refusal)
            {
                Audit(state, refusal.Event, origin);
                return (refusal.Result, (string?)null);
            }

            return policy.SecondFactor.Enabled
                ? (SendAccessCode(state, policy, accessCodeChannel, origin), null)
                : (Succeed(state, policy, origin), ListNewSession(policy));
        });
        ScheduleLockoutEnd();
        LogLoginDecided(logger, this.GetGrainId(), result.Status);
        return await StartSessionAsync(result, sessionToken, policy);
    }

    public async Task<int?> EndSessionsAsync(CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists)
        {
            return null;
        }

        var ended = await EndListedSessionsAsync();
        return await StoreAsync(state =>
        {
            state.Sessions.Clear();
            Audit(state, AuditEvent.SessionsEnded, origin);
            return ended;
        });
    }

    public async Task<bool> UnlockAsync(CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists)
        {
            return false;
        }

        await StoreAsync(state =>
        {
            ClearAttempts(state);
            Audit(state, AuditEvent.Unlocked, origin);
            return true;
        });
        ScheduleLockoutEnd();
        return true;
    }

    public Task<IReadOnlyList<AuditEntry>?> GetAuditTrailAsync(CancellationToken cancellationToken) =>
        Task.FromResult(account.RecordExists ? (IReadOnlyList<AuditEntry>?)account.State.AuditTrail.ToArray() : null);

    public Task RecordLogoutAsync(string sessionKey, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionKey);
        ArgumentNullException.ThrowIfNull(origin);
        return !account.RecordExists ? Task.CompletedTask : StoreAsync(state =>
        {
            state.Sessions.Remove(sessionKey);
            Audit(state, AuditEvent.LoggedOut, origin);
            return true;
        });
    }

    /// <summary>
    /// Makes a decision on the account's state and stores it before it is told, with any message it put in the
    /// outbox. This activation is the account's only one, so its state is the stored one: the ETag only guards against
    /// a write no one expected, whose <see cref="Orleans.Storage.InconsistentStateException"/> ends this activation and
    /// fails the call (the next one reloads). A decision whose write failed otherwise is forgotten the same way
    /// (<see cref="Hosting.DeactivateOnFailedCall"/>), so no later call builds on what was never stored.
    /// </summary>
    private async Task<T> StoreAsync<T>(Func<MemberAccountState, T> decide)
    {
        var outboxBefore = account.State.Outbox.Count;
        var result = decide(account.State);
        await WriteWithOutboxAsync(outboxBefore);
        return result;
    }

    /// <summary>
    /// <see cref="StoreAsync"/> for a decision that also changes the member's profile. The account (its audit entry and
    /// any message to the old contacts) is stored first: should the profile's write then fail, the member has heard of a
    /// change that did not happen and the call fails, rather than a change made that nobody heard of.
    /// </summary>
    private async Task<T> StoreWithProfileAsync<T>(Func<MemberAccountState, T> decide)
    {
        var result = await StoreAsync(decide);
        await profile.WriteStateAsync(CancellationToken.None);
        return result;
    }

    /// <summary>
    /// Checks a secret against the password counter of <paramref name="state"/>: null when it is right (the counter
    /// starts over), otherwise the refusal (lockout, wrong secret) and what the audit trail records of it.
    /// </summary>
    private (LoginResult Result, AuditEvent Event)? CheckSecret(MemberAccountState state, TenantPolicy policy, Func<SecretVerificationResult> verify, string secret)
    {
        if (state.RecoveryRequired)
        {
            return (LoginResult.RecoveryRequired, AuditEvent.LoginRefusedUntilRecovery);
        }

        if (RemainingLockout(state.PasswordAttempts) is { } wait)
        {
            return (LoginResult.LockedOut(wait), AuditEvent.LoginRefusedWhileLocked);
        }

        var verification = verify();
        if (verification == SecretVerificationResult.Failed)
        {
            return CountFailure(state, state.PasswordAttempts, policy, AuditEvent.LoginFailed);
        }

        state.PasswordAttempts.Clear();
        if (verification == SecretVerificationResult.SuccessRehashNeeded)
        {
            state.SecretHash = hasher.Hash(secret);
        }

        return null;
    }

    /// <summary>The time left on a lockout of <paramref name="attempts"/>, or null; a lockout past its end is ended.</summary>
    private TimeSpan? RemainingLockout(AttemptsState attempts)
    {
        var now = time.GetUtcNow();
        if (attempts.LockedUntil is not { } lockedUntil)
        {
            return null;
        }

        if (lockedUntil > now)
        {
            return lockedUntil - now;
        }

        attempts.LockedUntil = null;
        attempts.Failed = 0;
        return null;
    }

    /// <summary>Counts a failure on <paramref name="attempts"/>: a wrong attempt, a lockout that lasts longer each time in a row, or recovery required.</summary>
    private (LoginResult Result, AuditEvent Event) CountFailure(MemberAccountState state, AttemptsState attempts, TenantPolicy policy, AuditEvent failure)
    {
        attempts.Failed++;
        var lockout = policy.Lockout;
        if (attempts.Failed < lockout.MaxFailedAttempts)
        {
            return (LoginResult.Invalid(policy.RevealRemainingAttempts ? lockout.MaxFailedAttempts - attempts.Failed : null), failure);
        }

        attempts.Failed = 0;
        attempts.ConsecutiveLockouts++;
        metrics.LockoutStarted(Tenant);
        if (attempts.ConsecutiveLockouts >= lockout.LockoutsBeforeRecovery)
        {
            state.RecoveryRequired = true;
            return (LoginResult.RecoveryRequired, AuditEvent.RecoveryRequired);
        }

        var duration = lockout.DurationOf(attempts.ConsecutiveLockouts);
        attempts.LockedUntil = time.GetUtcNow() + duration;
        return (LoginResult.LockedOut(duration), AuditEvent.LockedOut);
    }

    /// <summary>A sign-in completed: what the member is told besides the session.</summary>
    private LoginResult Succeed(MemberAccountState state, TenantPolicy policy, CallOrigin origin)
    {
        var now = time.GetUtcNow();
        state.LastLoginAt = now;
        Audit(state, AuditEvent.LoginSucceeded, origin);
        var renewalAdvised = policy.Secret.RenewalAdvisedAfter is { } maximumAge && now - state.SecretChangedAt >= maximumAge;
        var termsToAccept = policy.TermsVersion.Length > 0 && profile.State.AcceptedTermsVersion != policy.TermsVersion ? policy.TermsVersion : null;
        return new LoginResult(LoginStatus.Succeeded, RenewalAdvised: renewalAdvised, TermsVersionToAccept: termsToAccept);
    }

    /// <summary>Every counter starts over and no recovery is required: after a recovery, an unlock or an activation.</summary>
    private static void ClearAttempts(MemberAccountState state)
    {
        state.PasswordAttempts.Clear();
        state.AccessCodeAttempts.Clear();
        state.RecoveryRequired = false;
    }

    /// <summary>Opens the session listed by a stored success; only a stored success gets one.</summary>
    private async Task<LoginResult> StartSessionAsync(LoginResult result, string? sessionToken, TenantPolicy policy)
    {
        if (sessionToken is null)
        {
            return result;
        }

        var session = GrainFactory.GetGrain<ISessionGrain>(TokenKey.For(Tenant, sessionToken));
        var expiresAt = await session.StartAsync(this.GetPrimaryKeyString(), SignInIdentifier, policy.Sessions, CancellationToken.None);
        return result with { Session = new NewSession(sessionToken, expiresAt) };
    }

    /// <summary>Ends every session listed on the account; runs to the end once begun, so a cancelled call leaves none live.</summary>
    private async Task<int> EndListedSessionsAsync()
    {
        var ended = 0;
        foreach (var key in account.State.Sessions.Keys.ToArray())
        {
            ended += await GrainFactory.GetGrain<ISessionGrain>(key).EndAsync(CancellationToken.None) ? 1 : 0;
        }

        return ended;
    }

    /// <summary>Lists a new session on this account, forgetting listed sessions past their absolute end; returns its token.</summary>
    private string ListNewSession(TenantPolicy policy)
    {
        var now = time.GetUtcNow();
        foreach (var ended in account.State.Sessions.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToArray())
        {
            account.State.Sessions.Remove(ended);
        }

        var token = RandomToken.New();
        account.State.Sessions[TokenKey.For(Tenant, token)] = now + policy.Sessions.AbsoluteLifetime;
        return token;
    }

    private void CountActive()
    {
        if (!countedActive)
        {
            countedActive = true;
            metrics.AccountActivated(Tenant);
        }
    }

    private void KeepUnknownAccountCounts()
    {
        var keep = unknownAccount switch
        {
            { RecoveryRequired: true } => UnknownAccountRecoveryKept,
            { PasswordAttempts.LockedUntil: { } lockedUntil } => lockedUntil - time.GetUtcNow(),
            _ => TimeSpan.Zero,
        };
        if (keep > TimeSpan.Zero)
        {
            DelayDeactivation(keep);
        }
    }

    private void Audit(MemberAccountState state, AuditEvent auditEvent, CallOrigin origin)
    {
        state.AuditTrail.Add(new AuditEntry(time.GetUtcNow(), auditEvent, origin.Caller, origin.ClientIp, origin.UserAgent));
        if (state.AuditTrail.Count > AuditTrailLength)
        {
            state.AuditTrail.RemoveRange(0, state.AuditTrail.Count - AuditTrailLength);
        }
    }

    private void ScheduleLockoutEnd()
    {
        lockoutTimer?.Dispose();
        lockoutTimer = null;
        if (EarliestLockoutEnd(account.State) is { } lockedUntil)
        {
            var due = lockedUntil - time.GetUtcNow();
            lockoutTimer = this.RegisterGrainTimer(EndLockoutAsync, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task EndLockoutAsync(CancellationToken cancellationToken)
    {
        // The timer is replaced once the state is stored: disposing it first would cancel this very callback's token.
        if (EarliestLockoutEnd(account.State) is not { } lockedUntil || lockedUntil > time.GetUtcNow())
        {
            ScheduleLockoutEnd();
            return;
        }

        RemainingLockout(account.State.PasswordAttempts);
        RemainingLockout(account.State.AccessCodeAttempts);
        await account.WriteStateAsync(cancellationToken);
        ScheduleLockoutEnd();
        LogLockoutEnded(logger, this.GetGrainId());
    }

    private static DateTimeOffset? EarliestLockoutEnd(MemberAccountState state) =>
        (state.PasswordAttempts.LockedUntil, state.AccessCodeAttempts.LockedUntil) switch
        {
            ({ } password, { } accessCode) => password < accessCode ? password : accessCode,
            (var password, var accessCode) => password ?? accessCode,
        };

    private string Tenant => MemberAccountKey.TenantOf(this.GetPrimaryKeyString());

    /// <summary>What the member signs in with: the chosen identifier where the tenant has them, else the account's.</summary>
    private string SignInIdentifier => profile.State.ChosenIdentifier ?? profile.State.Identifier;

    private TenantPolicy? FindPolicy() => tenants.Find(Tenant);

    private TenantPolicy RequirePolicy() => FindPolicy() ?? throw new InvalidOperationException($"Tenant of {this.GetGrainId()} is not configured; the edge checks it first.");

    private string NirDigest(string nir) => digest.LookupKey(Nir.LookupPurpose, nir);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {GrainId} created.")]
    private static partial void LogAccountCreated(ILogger logger, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in on {GrainId}: {Status}.")]
    private static partial void LogLoginDecided(ILogger logger, GrainId grainId, LoginStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Secret of {GrainId} changed after a verified code.")]
    private static partial void LogSecretChanged(ILogger logger, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lockout of {GrainId} ended.")]
    private static partial void LogLockoutEnded(ILogger logger, GrainId grainId);
}
