using Sesame.Grains.Activation;
using Sesame.Grains.Hashing;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Recovery;

namespace Sesame.Grains;

/// <summary>
/// Activation of the member's space with a provisional code (mes): the code and the NIR, the Vitale card, the decision,
/// the contacts, the chosen identifier and password; the automatic creation at the deadline; closing the space. The
/// space stores its own decisions before it tells the account; what the account decides (wrong codes on its budget,
/// terms, contacts, the secret) the account stores before the space goes on.
/// </summary>
[GrainType("member-space")]
internal sealed class MemberSpaceGrain(
    [PersistentState("space")] IPersistentState<MemberSpaceState> space,
    ITenantPolicies tenants,
    IKeyedDigest digest,
    TimeProvider time) : Grain, IMemberSpaceGrain
{
    private const string ProvisionalCodePurpose = "provisional-code";
    private const string ContactCodePurpose = "contact-code";
    private const string CardPurpose = "vitale-card";

    /// <summary>Who the audit trail names for what Sésame does on its own at a deadline.</summary>
    private static readonly CallOrigin DeadlineOrigin = new("space-deadline", ClientIp: null, UserAgent: null);

    public async Task SetVitaleCardAsync(VitaleCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        space.State.VitaleCard = new VitaleCardState { Kind = card.Kind, SerialSeal = digest.Seal(CardPurpose, BoundToAccount(card.SerialNumber)) };
        await StoreAsync();
    }

    public async Task<ProvisionalCodeIssue> IssueProvisionalCodeAsync(CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var policy = RequirePolicy().Activation;
        if (!policy.Enabled)
        {
            return new(ProvisionalCodeOutcome.NotOffered);
        }

        if (await Account.GetContactsOnFileAsync(CancellationToken.None) is not { } contacts)
        {
            return new(ProvisionalCodeOutcome.NoAccount);
        }

        await CreateIfDeadlinePassedAsync();
        var state = space.State;
        if (state.Status == SpaceStatus.Active)
        {
            return new(ProvisionalCodeOutcome.AlreadyActive);
        }

        CodeChannel? channel = contacts.MaskedEmail is not null ? CodeChannel.Email : contacts.HasPostalAddress ? CodeChannel.Letter : null;
        if (channel is not { } chosen)
        {
            return new(ProvisionalCodeOutcome.NoChannel);
        }

        var first = state.Status is null;
        if (first)
        {
            // Listed before its deadline is stored: a crash in between leaves an entry the sweep drops, never a space it misses.
            await SpaceDeadlines.For(GrainFactory, time.GetUtcNow() + policy.ProvisionalCodeLifetime).AddAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        }

        var code = OneTimeCode.NewReadable(policy.ProvisionalCodeLength);
        state.ProvisionalCode = NewCode(ProvisionalCodePurpose, NotificationKind.ProvisionalCode, chosen, code, policy.ProvisionalCodeLifetime);
        if (first)
        {
            state.Status = SpaceStatus.Pending;
            state.Deadline = state.ProvisionalCode.ExpiresAt;
        }

        state.Activation = null;
        await StoreAsync();
        var message = new SpaceMessage(NotificationKind.ProvisionalCode, chosen) { Code = code, ExpiresAt = state.ProvisionalCode.ExpiresAt };
        await Account.RecordSpaceEventAsync(new SpaceEvent(AuditEvent.ProvisionalCodeSent) { Status = first ? SpaceStatus.Pending : null, Message = message }, origin, CancellationToken.None);
        return new ProvisionalCodeIssue(ProvisionalCodeOutcome.Sent, chosen, state.ProvisionalCode.ExpiresAt, state.Deadline);
    }

    public async Task<bool> ApplyDeadlineAsync(CancellationToken cancellationToken)
    {
        if (space.State.Status != SpaceStatus.Pending)
        {
            return true;
        }

        if (space.State.Deadline > time.GetUtcNow())
        {
            return false;
        }

        await CreateIfDeadlinePassedAsync();
        return true;
    }

    public async Task<ActivationResult> StartActivationAsync(string provisionalCode, string activationId, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provisionalCode);
        ArgumentException.ThrowIfNullOrEmpty(activationId);
        ArgumentNullException.ThrowIfNull(origin);
        var policy = RequirePolicy();
        if (space.State.ProvisionalCode is null)
        {
            digest.Seal(ProvisionalCodePurpose, provisionalCode);
            return ActivationResult.Refused;
        }

        await CreateIfDeadlinePassedAsync();
        if (!await CheckCodeAsync(space.State.ProvisionalCode, () => space.State.ProvisionalCode = null, ProvisionalCodePurpose, provisionalCode, policy.Recovery, origin))
        {
            return ActivationResult.Refused;
        }

        // The code stays usable until the space is active: a member who opposes may change their mind with it.
        var expiresAt = time.GetUtcNow() + policy.Activation.FlowLifetime;
        space.State.Activation = new ActivationFlowState { IdDigest = TokenKey.Digest(activationId), ExpiresAt = expiresAt, Step = ActivationStep.Identified };
        await StoreAsync();
        await Account.RecordSpaceEventAsync(new SpaceEvent(AuditEvent.ActivationStarted), origin, CancellationToken.None);
        await GrainFactory.GetGrain<IActivationFlowGrain>(TokenKey.For(Tenant, activationId)).StartAsync(this.GetPrimaryKeyString(), expiresAt, CancellationToken.None);
        return ActivationResult.Done with { ExpiresAt = expiresAt };
    }

    public Task<ActivationResult> CheckVitaleCardAsync(string activationId, VitaleCard card, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(origin);
        return StepAsync(activationId, ActivationStep.Identified, async (flow, policy) =>
        {
            if (space.State.VitaleCard is { } onFile && onFile.Kind == card.Kind && digest.Matches(onFile.SerialSeal, CardPurpose, BoundToAccount(card.SerialNumber)))
            {
                flow.Step = Max(flow.Step, ActivationStep.CardChecked);
                await StoreAsync();
                return ActivationResult.Done;
            }

            flow.CardMismatches++;
            var remaining = policy.Activation.MaxCardTries - flow.CardMismatches;
            if (remaining <= 0)
            {
                space.State.Activation = null;
            }

            await StoreAsync();
            await Account.RecordSpaceEventAsync(new SpaceEvent(AuditEvent.VitaleCardRejected), origin, CancellationToken.None);
            return remaining > 0 ? new ActivationResult(ActivationOutcome.CardMismatch) { RemainingTries = remaining } : new ActivationResult(ActivationOutcome.FlowEnded);
        });
    }

    public Task<ActivationResult> DecideAsync(string activationId, ActivationDecision decision, string termsVersion, string privacyPolicyVersion, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(termsVersion);
        ArgumentNullException.ThrowIfNull(privacyPolicyVersion);
        ArgumentNullException.ThrowIfNull(origin);
        return StepAsync(activationId, ActivationStep.CardChecked, async (flow, _) =>
        {
            if (decision == ActivationDecision.Oppose)
            {
                space.State.Status = SpaceStatus.Opposed;
                space.State.Deadline = null;
                space.State.Activation = null;
                await StoreAsync();
                await Account.RecordSpaceEventAsync(new SpaceEvent(AuditEvent.SpaceOpposed) { Status = SpaceStatus.Opposed }, origin, CancellationToken.None);
                return new ActivationResult(ActivationOutcome.Opposed);
            }

            if (await Account.AcceptPoliciesAsync(termsVersion, privacyPolicyVersion, origin, CancellationToken.None) is not { } contacts)
            {
                return ActivationResult.FlowNotFound;
            }

            flow.Step = Max(flow.Step, ActivationStep.Decided);
            await StoreAsync();
            return Shown(contacts);
        });
    }

    public Task<ActivationResult> ChangeContactAsync(string activationId, CodeChannel channel, string newContact, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(channel, CodeChannel.Letter);
        ArgumentException.ThrowIfNullOrEmpty(newContact);
        ArgumentNullException.ThrowIfNull(origin);
        return StepAsync(activationId, ActivationStep.Decided, async (flow, policy) =>
        {
            var channelPolicy = channel == CodeChannel.Email ? policy.Recovery.Email : policy.Recovery.Sms;
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
            var change = new ContactChangeState { NewContact = newContact, Code = NewCode(ContactCodePurpose, NotificationKind.ContactCode, channel, code, channelPolicy.Lifetime) };
            flow.ContactChange = change;
            await StoreAsync();
            var message = new SpaceMessage(NotificationKind.ContactCode, channel) { Destination = newContact, Code = code, ExpiresAt = change.Code.ExpiresAt };
            await Account.RecordSpaceEventAsync(new SpaceEvent(AuditEvent.CodeSent) { Message = message }, origin, CancellationToken.None);
            return CodeSentTo(change);
        });
    }

    public Task<ActivationResult> VerifyContactAsync(string activationId, string code, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(origin);
        return StepAsync(activationId, ActivationStep.Decided, async (flow, policy) =>
        {
            var change = flow.ContactChange;
            if (!await CheckCodeAsync(change?.Code, () => flow.ContactChange = null, ContactCodePurpose, code, policy.Recovery, origin))
            {
                return new ActivationResult(ActivationOutcome.CodeRefused);
            }

            var contacts = await Account.ChangeVerifiedContactAsync(change!.Code.Channel, change.NewContact, origin, CancellationToken.None);
            flow.ContactChange = null;
            await StoreAsync();
            return contacts is null ? ActivationResult.FlowNotFound : Shown(contacts);
        });
    }

    public Task<ActivationResult> ConfirmContactsAsync(string activationId, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return StepAsync(activationId, ActivationStep.Decided, async (flow, _) =>
        {
            if (await Account.GetContactsOnFileAsync(CancellationToken.None) is not { } contacts)
            {
                return ActivationResult.FlowNotFound;
            }

            if (contacts.MaskedEmail is null && contacts.MaskedMobile is null)
            {
                return new ActivationResult(ActivationOutcome.NoContact);
            }

            flow.ContactChange = null;
            flow.Step = Max(flow.Step, ActivationStep.ContactsConfirmed);
            await StoreAsync();
            return Shown(contacts);
        });
    }

    public async Task<ActivationResult> ChooseCredentialsAsync(string activationId, string identifier, string password, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activationId);
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(origin);
        if (RefuseStep(activationId, ActivationStep.ContactsConfirmed) is { } refusal)
        {
            return refusal;
        }

        // The account stores the secret first: a crash before the space stores that it is active leaves the same step to take again.
        var result = await Account.ActivateSpaceAsync(identifier, password, space.State.Activation!.ExpiresAt, origin, CancellationToken.None);
        if (result.Outcome != ActivationOutcome.Done)
        {
            return result;
        }

        space.State.Status = SpaceStatus.Active;
        space.State.Deadline = null;
        space.State.Activation = null;
        space.State.ProvisionalCode = null;
        await StoreAsync();
        return result;
    }

    public async Task<bool> CloseAsync(CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (space.State.Status != SpaceStatus.Active || !await Account.CloseSpaceAsync(origin, CancellationToken.None))
        {
            return false;
        }

        space.State.Status = SpaceStatus.Closed;
        await StoreAsync();
        return true;
    }

    /// <summary>
    /// Runs an activation step once <paramref name="done"/> is done, after the deadline is applied; the step stores what
    /// it decides before it is told. A refused step stores nothing.
    /// </summary>
    private async Task<ActivationResult> StepAsync(string activationId, ActivationStep done, Func<ActivationFlowState, TenantPolicy, Task<ActivationResult>> step)
    {
        ArgumentException.ThrowIfNullOrEmpty(activationId);
        var policy = RequirePolicy();
        if (RefuseStep(activationId, done) is { } refusal)
        {
            return refusal;
        }

        await CreateIfDeadlinePassedAsync();
        return await step(space.State.Activation!, policy);
    }

    /// <summary>Why activation <paramref name="activationId"/> cannot take a step that needs <paramref name="done"/> done; null if it can.</summary>
    private ActivationResult? RefuseStep(string activationId, ActivationStep done)
    {
        if (space.State.Activation is not { } flow || flow.IdDigest != TokenKey.Digest(activationId) || flow.ExpiresAt <= time.GetUtcNow())
        {
            return ActivationResult.FlowNotFound;
        }

        return flow.Step < done ? ActivationResult.StepMissing(flow.Step + 1) : null;
    }

    /// <summary>
    /// Whether <paramref name="code"/> is the live <paramref name="pending"/> code. The account counts the entry on its
    /// budget of wrong codes, shared with recovery codes, and refuses any entry once it is spent; then a wrong code
    /// counts on the code's tries and a dead one is dropped.
    /// </summary>
    private async Task<bool> CheckCodeAsync(PendingCodeState? pending, Action drop, string purpose, string code, RecoveryPolicy policy, CallOrigin origin)
    {
        if (pending is null)
        {
            return false;
        }

        var entry = pending.ExpiresAt <= time.GetUtcNow() || pending.FailedTries >= policy.MaxTriesPerCode ? CodeEntry.Expired
            : digest.Matches(pending.Seal, purpose, BoundToAccount(OneTimeCode.Normalize(code))) ? CodeEntry.Right
            : CodeEntry.Wrong;
        if (!await Account.EnterCodeAsync(entry, origin, CancellationToken.None))
        {
            return false;
        }

        if (entry == CodeEntry.Right)
        {
            return true;
        }

        if (entry == CodeEntry.Expired)
        {
            drop();
        }
        else
        {
            pending.FailedTries++;
        }

        await StoreAsync();
        return false;
    }

    /// <summary>Creates the space if its deadline passed while it waited for a decision; the account records it and tells the member.</summary>
    private async Task CreateIfDeadlinePassedAsync()
    {
        if (space.State.Status != SpaceStatus.Pending || space.State.Deadline > time.GetUtcNow())
        {
            return;
        }

        space.State.Status = SpaceStatus.Created;
        space.State.Deadline = null;
        await StoreAsync();
        var created = new SpaceEvent(AuditEvent.SpaceCreated) { Status = SpaceStatus.Created, Message = new SpaceMessage(NotificationKind.SpaceCreated, Channel: null) };
        await Account.RecordSpaceEventAsync(created, DeadlineOrigin, CancellationToken.None);
    }

    /// <summary>A new one-time code, of which only the seal for <paramref name="purpose"/>, bound to this account, is kept.</summary>
    private PendingCodeState NewCode(string purpose, NotificationKind kind, CodeChannel channel, string code, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        return new PendingCodeState
        {
            Seal = digest.Seal(purpose, BoundToAccount(OneTimeCode.Normalize(code))),
            Kind = kind,
            Channel = channel,
            SentAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    /// <summary>
    /// Stores the space's state. This activation is the space's only one, so its state is the stored one; a call whose
    /// write failed is forgotten with its activation (<see cref="Hosting.DeactivateOnFailedCall"/>).
    /// </summary>
    private Task StoreAsync() => space.WriteStateAsync(CancellationToken.None);

    /// <summary>What a seal is made of: the value with the account's key, so a seal copied to another account matches nothing there.</summary>
    private string BoundToAccount(string value) => $"{this.GetPrimaryKeyString()}\0{value}";

    private IMemberAccountGrain Account => GrainFactory.GetGrain<IMemberAccountGrain>(this.GetPrimaryKeyString());

    private string Tenant => MemberAccountKey.TenantOf(this.GetPrimaryKeyString());

    private TenantPolicy RequirePolicy() => tenants.Find(Tenant) ?? throw new InvalidOperationException($"Tenant of {this.GetGrainId()} is not configured; the edge checks it first.");

    private static ActivationResult Shown(ContactsOnFile contacts) => ActivationResult.Done with
    {
        MaskedEmail = contacts.MaskedEmail,
        MaskedMobile = contacts.MaskedMobile,
        Identifier = contacts.ChosenIdentifier,
    };

    private static ActivationResult CodeSentTo(ContactChangeState change) => ActivationResult.Done with
    {
        MaskedDestination = change.Code.Channel == CodeChannel.Email ? Masking.Email(change.NewContact) : Masking.Mobile(change.NewContact),
        ExpiresAt = change.Code.ExpiresAt,
    };

    private static ActivationStep Max(ActivationStep a, ActivationStep b) => a > b ? a : b;
}
