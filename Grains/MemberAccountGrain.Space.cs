using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Secrets;

namespace Sesame.Grains;

// What the member's space (MemberSpaceGrain) asks of the account: its events recorded with their messages, code
// entries counted on the account's budget, the identifier and password chosen at activation, the space closed.
internal sealed partial class MemberAccountGrain
{
    public async Task<bool> RecordSpaceEventAsync(SpaceEvent spaceEvent, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spaceEvent);
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists)
        {
            return false;
        }

        var message = spaceEvent.Message;
        var destination = message?.Channel is { } channel ? DestinationOf(message, channel) : null;
        return await StoreAsync(state =>
        {
            // Only closing ends an active space. An active copy with a space that says otherwise is an activation whose
            // last write on the space was lost: the member keeps signing in.
            state.Space = state.Space == SpaceStatus.Active ? state.Space : spaceEvent.Status ?? state.Space;
            Audit(state, spaceEvent.Event, origin);
            if (destination is not null)
            {
                Enqueue(state, message!.Kind, message.Channel!.Value, destination, message.Code, message.ExpiresAt);
            }
            else if (message is not null)
            {
                NotifyChange(state, message.Kind, profile.State.Email, profile.State.Mobile);
            }

            return true;
        });
    }

    public async Task<bool> EnterCodeAsync(CodeEntry entry, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists || !CodeBudgetLeft(account.State, RequirePolicy().Recovery))
        {
            return false;
        }

        return entry == CodeEntry.Right || await StoreAsync(state =>
        {
            RecordCodeEntry(state, entry, origin);
            return true;
        });
    }

    public async Task<ActivationResult> ActivateSpaceAsync(string identifier, string password, DateTimeOffset flowExpiresAt, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(origin);
        var policy = RequirePolicy();
        if (!account.RecordExists)
        {
            return ActivationResult.FlowNotFound;
        }

        if (profile.State.ChosenIdentifier is { } kept && kept != identifier)
        {
            return new ActivationResult(ActivationOutcome.IdentifierFixed) { Identifier = kept };
        }

        var violations = SecretRules.Check(policy.Secret, password, profile.State.BirthDate);
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
            if (flowExpiresAt <= time.GetUtcNow())
            {
                return ActivationResult.FlowNotFound;
            }

            state.SecretHash = hash;
            state.SecretChangedAt = time.GetUtcNow();
            state.Space = SpaceStatus.Active;
            ClearAttempts(state);
            Audit(state, AuditEvent.SpaceActivated, origin);
            return ActivationResult.Done with { Identifier = profile.State.ChosenIdentifier };
        });
        ScheduleLockoutEnd();
        return result;
    }

    public async Task<bool> CloseSpaceAsync(CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists)
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
            NotifyChange(state, NotificationKind.SpaceClosed, profile.State.Email, profile.State.Mobile);
            return true;
        });
    }

    /// <summary>Where a message of the space goes by <paramref name="channel"/>: the contact it names, else the one on file.</summary>
    private string DestinationOf(SpaceMessage message, CodeChannel channel) =>
        message.Destination ?? channel switch
        {
            CodeChannel.Email => profile.State.Email,
            CodeChannel.Sms => profile.State.Mobile,
            _ => profile.State.PostalAddress.Count > 0 ? string.Join('\n', profile.State.PostalAddress) : null,
        } ?? throw new InvalidOperationException($"Account {this.GetGrainId()} has no contact for {channel} any more; the space chose it from the contacts on file just before.");

    /// <summary>
    /// Reserves <paramref name="identifier"/> on the account (which holds no other one), then claims it, so an identifier
    /// never leads to an account that does not hold it; whether it was claimed. A refused claim leaves the account
    /// holding none. The claim is made again for an identifier already reserved: a crash may have come between the two.
    /// </summary>
    private async Task<bool> ClaimIdentifierAsync(string identifier)
    {
        if (profile.State.ChosenIdentifier != identifier)
        {
            await WriteChosenIdentifierAsync(identifier);
        }

        if (await GrainFactory.GetGrain<IIdentifierAliasGrain>(keys.Alias(Tenant, identifier)).ClaimAsync(this.GetPrimaryKeyString(), CancellationToken.None))
        {
            return true;
        }

        await WriteChosenIdentifierAsync(null);
        return false;
    }

    private Task WriteChosenIdentifierAsync(string? identifier)
    {
        profile.State.ChosenIdentifier = identifier;
        return profile.WriteStateAsync(CancellationToken.None);
    }
}
