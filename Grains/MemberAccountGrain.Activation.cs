using Sesame.Grains.Activation;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Secrets;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Recovery;

namespace Sesame.Grains;

// Activation of the member's space with a provisional code (mes): the code and the NIR, the Vitale card, the decision,
// the contacts, the chosen identifier and password; the automatic creation at the deadline; closing the space.
internal sealed partial class MemberAccountGrain
{
    private const string ProvisionalCodePurpose = "provisional-code";
    private const string ContactCodePurpose = "contact-code";
    private const string CardPurpose = "vitale-card";

    /// <summary>Who the audit trail names for what Sésame does on its own at a deadline.</summary>
    private static readonly CallOrigin DeadlineOrigin = new("space-deadline", ClientIp: null, UserAgent: null);

    public async Task<ProvisionalCodeIssue> IssueProvisionalCodeAsync(CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var policy = RequirePolicy().Activation;
        if (!policy.Enabled)
        {
            return new(ProvisionalCodeOutcome.NotOffered);
        }

        if (!account.RecordExists)
        {
            return new(ProvisionalCodeOutcome.NoAccount);
        }

        if (account.State.Space is null)
        {
            // Listed before its deadline is stored: a crash in between leaves an entry the sweep drops, never a space it misses.
            await SpaceDeadlines.For(GrainFactory, time.GetUtcNow() + policy.ProvisionalCodeLifetime).AddAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        }

        return await StoreAsync(state =>
        {
            ApplyDeadline(state);
            if (state.Space == SpaceStatus.Active)
            {
                return new ProvisionalCodeIssue(ProvisionalCodeOutcome.AlreadyActive);
            }

            CodeChannel? channel = state.Email is not null ? CodeChannel.Email : state.PostalAddress.Count > 0 ? CodeChannel.Letter : null;
            if (channel is not { } chosen)
            {
                return new ProvisionalCodeIssue(ProvisionalCodeOutcome.NoChannel);
            }

            var destination = chosen == CodeChannel.Email ? state.Email! : string.Join('\n', state.PostalAddress);
            var code = OneTimeCode.NewReadable(policy.ProvisionalCodeLength);
            state.ProvisionalCode = IssueCode(state, ProvisionalCodePurpose, NotificationKind.ProvisionalCode, chosen, destination, code, policy.ProvisionalCodeLifetime, flowId: null);
            if (state.Space is null)
            {
                state.Space = SpaceStatus.Pending;
                state.SpaceDeadline = state.ProvisionalCode.ExpiresAt;
            }

            state.Activation = null;
            Audit(state, AuditEvent.ProvisionalCodeSent, origin);
            return new ProvisionalCodeIssue(ProvisionalCodeOutcome.Sent, chosen, state.ProvisionalCode.ExpiresAt, state.SpaceDeadline);
        });
    }

    public async Task<bool> ApplySpaceDeadlineAsync(CancellationToken cancellationToken)
    {
        if (!account.RecordExists || account.State.Space != SpaceStatus.Pending)
        {
            return true;
        }

        if (account.State.SpaceDeadline > time.GetUtcNow())
        {
            return false;
        }

        return await StoreAsync(state =>
        {
            ApplyDeadline(state);
            return state.Space != SpaceStatus.Pending;
        });
    }

    public async Task<ActivationResult> StartActivationAsync(string provisionalCode, string activationId, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provisionalCode);
        ArgumentException.ThrowIfNullOrEmpty(activationId);
        ArgumentNullException.ThrowIfNull(origin);
        var policy = RequirePolicy();
        if (!account.RecordExists || account.State.ProvisionalCode is null)
        {
            digest.Seal(ProvisionalCodePurpose, provisionalCode);
            return ActivationResult.Refused;
        }

        var result = await StoreAsync(state =>
        {
            ApplyDeadline(state);
            if (!CheckOneTimeCode(state, state.ProvisionalCode, () => state.ProvisionalCode = null, ProvisionalCodePurpose, provisionalCode, enteredWhereBound: true, policy.Recovery, origin))
            {
                return ActivationResult.Refused;
            }

            // The code stays usable until the space is active: a member who opposes may change their mind with it.
            state.Activation = new ActivationFlowState
            {
                IdDigest = TokenKey.Digest(activationId),
                ExpiresAt = time.GetUtcNow() + policy.Activation.FlowLifetime,
                Step = ActivationStep.Identified,
            };
            Audit(state, AuditEvent.ActivationStarted, origin);
            return ActivationResult.Done with { ExpiresAt = state.Activation.ExpiresAt };
        });
        if (result.Outcome == ActivationOutcome.Done)
        {
            await GrainFactory.GetGrain<IActivationFlowGrain>(TokenKey.For(Tenant, activationId)).StartAsync(this.GetPrimaryKeyString(), result.ExpiresAt!.Value, CancellationToken.None);
        }

        return result;
    }

    public Task<ActivationResult> CheckVitaleCardAsync(string activationId, VitaleCard card, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(origin);
        return StepAsync(activationId, ActivationStep.Identified, (state, flow, policy) =>
        {
            if (state.VitaleCard is { } onFile && onFile.Kind == card.Kind && digest.Matches(onFile.SerialSeal, CardPurpose, BoundToAccount(card.SerialNumber)))
            {
                flow.Step = Max(flow.Step, ActivationStep.CardChecked);
                return ActivationResult.Done;
            }

            flow.CardMismatches++;
            Audit(state, AuditEvent.VitaleCardRejected, origin);
            var remaining = policy.Activation.MaxCardTries - flow.CardMismatches;
            if (remaining > 0)
            {
                return new ActivationResult(ActivationOutcome.CardMismatch) { RemainingTries = remaining };
            }

            state.Activation = null;
            return new ActivationResult(ActivationOutcome.FlowEnded);
        });
    }

    public Task<ActivationResult> DecideAsync(string activationId, ActivationDecision decision, string termsVersion, string privacyPolicyVersion, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(termsVersion);
        ArgumentNullException.ThrowIfNull(privacyPolicyVersion);
        ArgumentNullException.ThrowIfNull(origin);
        return StepAsync(activationId, ActivationStep.CardChecked, (state, flow, _) =>
        {
            if (decision == ActivationDecision.Oppose)
            {
                state.Space = SpaceStatus.Opposed;
                state.SpaceDeadline = null;
                state.Activation = null;
                Audit(state, AuditEvent.SpaceOpposed, origin);
                return new ActivationResult(ActivationOutcome.Opposed);
            }

            var now = time.GetUtcNow();
            if (termsVersion.Length > 0)
            {
                state.AcceptedTermsVersion = termsVersion;
                state.TermsAcceptedAt = now;
                Audit(state, AuditEvent.TermsAccepted, origin);
            }

            if (privacyPolicyVersion.Length > 0)
            {
                state.AcceptedPrivacyPolicyVersion = privacyPolicyVersion;
                Audit(state, AuditEvent.PrivacyPolicyAccepted, origin);
            }

            flow.Step = Max(flow.Step, ActivationStep.Decided);
            return ContactsOnFile(state);
        });
    }

    public Task<ActivationResult> ChangeContactAsync(string activationId, CodeChannel channel, string newContact, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(channel, CodeChannel.Letter);
        ArgumentException.ThrowIfNullOrEmpty(newContact);
        ArgumentNullException.ThrowIfNull(origin);
        return StepAsync(activationId, ActivationStep.Decided, (state, flow, policy) =>
        {
            var channelPolicy = ChannelPolicy(policy.Recovery, channel);
            if (!channelPolicy.Enabled)
            {
                return new ActivationResult(ActivationOutcome.ChannelNotOffered);
            }

            var now = time.GetUtcNow();
            if (flow.ContactChange is { } pending && now - pending.Code.SentAt < channelPolicy.ResendCooldown && pending.Code.ExpiresAt > now)
            {
                // Too soon for another message: the same contact keeps the code it was sent; another one waits.
                return pending.NewContact == newContact && pending.Code.Channel == channel
                    ? CodeSentTo(pending)
                    : new ActivationResult(ActivationOutcome.TooSoon) { RetryAfter = pending.Code.SentAt + channelPolicy.ResendCooldown - now };
            }

            var code = OneTimeCode.New(channel, channelPolicy.CodeLength);
            flow.ContactChange = new ContactChangeState
            {
                NewContact = newContact,
                Code = IssueCode(state, ContactCodePurpose, NotificationKind.ContactCode, channel, newContact, code, channelPolicy.Lifetime, flowId: null),
            };
            Audit(state, AuditEvent.CodeSent, origin);
            return CodeSentTo(flow.ContactChange);
        });
    }

    public Task<ActivationResult> VerifyContactAsync(string activationId, string code, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(origin);
        return StepAsync(activationId, ActivationStep.Decided, (state, flow, policy) =>
        {
            var change = flow.ContactChange;
            if (!CheckOneTimeCode(state, change?.Code, () => flow.ContactChange = null, ContactCodePurpose, code, enteredWhereBound: true, policy.Recovery, origin))
            {
                return new ActivationResult(ActivationOutcome.CodeRefused);
            }

            var (oldEmail, oldMobile) = (state.Email, state.Mobile);
            if (change!.Code.Channel == CodeChannel.Email)
            {
                state.Email = change.NewContact;
            }
            else
            {
                state.Mobile = change.NewContact;
            }

            flow.ContactChange = null;
            Audit(state, AuditEvent.ContactsChanged, origin);

            // The old contacts hear of it: if the change was a takeover, they are the member's.
            NotifyChange(state, NotificationKind.ContactsChanged, oldEmail, oldMobile);
            return ContactsOnFile(state);
        });
    }

    public Task<ActivationResult> ConfirmContactsAsync(string activationId, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return StepAsync(activationId, ActivationStep.Decided, (state, flow, _) =>
        {
            if (state.Email is null && state.Mobile is null)
            {
                return new ActivationResult(ActivationOutcome.NoContact);
            }

            flow.ContactChange = null;
            flow.Step = Max(flow.Step, ActivationStep.ContactsConfirmed);
            return ContactsOnFile(state);
        });
    }

    public async Task<ActivationResult> ChooseCredentialsAsync(string activationId, string identifier, string password, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activationId);
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(origin);
        var policy = RequirePolicy();
        if (!account.RecordExists)
        {
            return ActivationResult.FlowNotFound;
        }

        if (RefuseStep(account.State, activationId, ActivationStep.ContactsConfirmed) is { } refusal)
        {
            return refusal;
        }

        if (account.State.ChosenIdentifier is { } kept && kept != identifier)
        {
            return new ActivationResult(ActivationOutcome.IdentifierFixed) { Identifier = kept };
        }

        var violations = SecretRules.Check(policy.Secret, password, account.State.BirthDate);
        if (violations.Count > 0)
        {
            return new ActivationResult(ActivationOutcome.SecretRejected) { Violations = violations };
        }

        if (!await ClaimIdentifierAsync(identifier))
        {
            return new ActivationResult(ActivationOutcome.IdentifierTaken);
        }

        var hash = hasher.Hash(password);
        var result = await StoreAsync(state =>
        {
            // The flow may have run out while the identifier was claimed and the password hashed.
            if (RefuseStep(state, activationId, ActivationStep.ContactsConfirmed) is { } late)
            {
                return late;
            }

            state.SecretHash = hash;
            state.SecretChangedAt = time.GetUtcNow();
            state.Space = SpaceStatus.Active;
            state.SpaceDeadline = null;
            state.Activation = null;
            state.ProvisionalCode = null;
            ClearAttempts(state);
            Audit(state, AuditEvent.SpaceActivated, origin);
            return ActivationResult.Done with { Identifier = state.ChosenIdentifier };
        });
        ScheduleLockoutEnd();
        return result;
    }

    public async Task<bool> CloseSpaceAsync(CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists || account.State.Space != SpaceStatus.Active)
        {
            return false;
        }

        // Sessions end first: if the change below then failed, the member would only have been signed out.
        await EndListedSessionsAsync();
        return await StoreAsync(state =>
        {
            // The identifier stays with the member, for a later activation; the password goes, so nobody signs in.
            state.Space = SpaceStatus.Closed;
            state.SecretHash = string.Empty;
            state.Sessions.Clear();
            state.PendingAccessCode = null;
            state.PendingCode = null;
            state.PendingReset = null;
            Audit(state, AuditEvent.SpaceClosed, origin);
            NotifyChange(state, NotificationKind.SpaceClosed, state.Email, state.Mobile);
            return true;
        });
    }

    /// <summary>
    /// Runs an activation step once <paramref name="done"/> is done, stored before it is told. A refused step stores nothing.
    /// </summary>
    private async Task<ActivationResult> StepAsync(string activationId, ActivationStep done, Func<MemberAccountState, ActivationFlowState, TenantPolicy, ActivationResult> step)
    {
        ArgumentException.ThrowIfNullOrEmpty(activationId);
        var policy = RequirePolicy();
        if (!account.RecordExists)
        {
            return ActivationResult.FlowNotFound;
        }

        if (RefuseStep(account.State, activationId, done) is { } refusal)
        {
            return refusal;
        }

        return await StoreAsync(state =>
        {
            ApplyDeadline(state);
            return step(state, state.Activation!, policy);
        });
    }

    /// <summary>Why activation <paramref name="activationId"/> cannot take a step that needs <paramref name="done"/> done; null if it can.</summary>
    private ActivationResult? RefuseStep(MemberAccountState state, string activationId, ActivationStep done)
    {
        if (state.Activation is not { } flow || flow.IdDigest != TokenKey.Digest(activationId) || flow.ExpiresAt <= time.GetUtcNow())
        {
            return ActivationResult.FlowNotFound;
        }

        return flow.Step < done ? ActivationResult.StepMissing(flow.Step + 1) : null;
    }

    /// <summary>
    /// Reserves <paramref name="identifier"/> on the account (which holds no other one), then claims it, so an identifier
    /// never leads to an account that does not hold it; whether it was claimed. A refused claim leaves the account
    /// holding none. The claim is made again for an identifier already reserved: a crash may have come between the two.
    /// </summary>
    private async Task<bool> ClaimIdentifierAsync(string identifier)
    {
        if (account.State.ChosenIdentifier != identifier)
        {
            await StoreAsync(state => state.ChosenIdentifier = identifier);
        }

        if (await GrainFactory.GetGrain<IIdentifierAliasGrain>(keys.Alias(Tenant, identifier)).ClaimAsync(this.GetPrimaryKeyString(), CancellationToken.None))
        {
            return true;
        }

        await StoreAsync(state => state.ChosenIdentifier = null);
        return false;
    }

    /// <summary>Creates the space if its deadline passed while it waited for a decision, and tells the member.</summary>
    private void ApplyDeadline(MemberAccountState state)
    {
        if (state.Space != SpaceStatus.Pending || state.SpaceDeadline > time.GetUtcNow())
        {
            return;
        }

        state.Space = SpaceStatus.Created;
        state.SpaceDeadline = null;
        Audit(state, AuditEvent.SpaceCreated, DeadlineOrigin);
        NotifyChange(state, NotificationKind.SpaceCreated, state.Email, state.Mobile);
    }

    private string SealCardSerial(string serialNumber) => digest.Seal(CardPurpose, BoundToAccount(serialNumber));

    private static ActivationResult ContactsOnFile(MemberAccountState state) => ActivationResult.Done with
    {
        MaskedEmail = state.Email is null ? null : Masking.Email(state.Email),
        MaskedMobile = state.Mobile is null ? null : Masking.Mobile(state.Mobile),
        Identifier = state.ChosenIdentifier,
    };

    private static ActivationResult CodeSentTo(ContactChangeState change) => ActivationResult.Done with
    {
        MaskedDestination = change.Code.Channel == CodeChannel.Email ? Masking.Email(change.NewContact) : Masking.Mobile(change.NewContact),
        ExpiresAt = change.Code.ExpiresAt,
    };

    private static ActivationStep Max(ActivationStep a, ActivationStep b) => a > b ? a : b;
}
