using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Recovery;

namespace Sesame.Grains;

// The member's contacts and identity: back-office changes and "Obtenir son identifiant".
internal sealed partial class MemberAccountGrain
{
    public async Task<bool> UpdateContactsAsync(ContactsUpdate update, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists)
        {
            return false;
        }

        return await StoreAsync(state =>
        {
            var (oldEmail, oldMobile) = (state.Email, state.Mobile);
            state.Email = update.Email is null ? state.Email : NullIfEmpty(update.Email);
            state.Mobile = update.Mobile is null ? state.Mobile : NullIfEmpty(update.Mobile);
            state.PostalAddress = update.PostalAddress is null ? state.PostalAddress : [.. update.PostalAddress];
            state.PostalCode = update.PostalCode is null ? state.PostalCode : NullIfEmpty(update.PostalCode);
            Audit(state, AuditEvent.ContactsChanged, origin);

            // The old contacts hear of it: if the change was a takeover, they are the member's.
            NotifyChange(state, NotificationKind.ContactsChanged, oldEmail, oldMobile);
            return true;
        });
    }

    public Task<IdentityMatch?> MatchIdentityAsync(string nirDigest, DateOnly birthDate, string postalCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nirDigest);
        ArgumentNullException.ThrowIfNull(postalCode);
        var state = account.State;
        var matches = account.RecordExists && state.NirDigest == nirDigest && state.BirthDate == birthDate && state.PostalCode == postalCode && HasSignInIdentifier(state);
        if (!matches)
        {
            return Task.FromResult<IdentityMatch?>(null);
        }

        return Task.FromResult<IdentityMatch?>(IdentifierChannel(state) switch
        {
            CodeChannel.Email => new IdentityMatch(SignInIdentifier, CodeChannel.Email, Masking.Email(state.Email!)),
            CodeChannel.Sms => new IdentityMatch(SignInIdentifier, CodeChannel.Sms, Masking.Mobile(state.Mobile!)),
            _ => new IdentityMatch(SignInIdentifier, null, null),
        });
    }

    public async Task<bool> SendIdentifierAsync(CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists || IdentifierChannel(account.State) is not { } channel)
        {
            return false;
        }

        return await StoreAsync(state =>
        {
            Enqueue(state, NotificationKind.IdentifierReminder, channel, channel == CodeChannel.Email ? state.Email! : state.Mobile!, SignInIdentifier, expiresAt: null);
            Audit(state, AuditEvent.IdentifierSent, origin);
            return true;
        });
    }

    /// <summary>How "Obtenir son identifiant" reaches the member: by e-mail, else by SMS where the tenant allows it.</summary>
    private CodeChannel? IdentifierChannel(MemberAccountState state) =>
        state.Email is not null ? CodeChannel.Email
        : state.Mobile is not null && RequirePolicy().IdentifierRecovery.BySms ? CodeChannel.Sms
        : null;

    public async Task<bool> CheckIbanTailAsync(string ibanTail, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ibanTail);
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists || account.State.IbanTailHash is not { } hash)
        {
            hasher.VerifyDummy(ibanTail);
            return false;
        }

        var matches = hasher.Verify(hash, ibanTail) != Hashing.SecretVerificationResult.Failed;
        return await StoreAsync(state =>
        {
            Audit(state, matches ? AuditEvent.IdentifierRevealed : AuditEvent.IbanTailRejected, origin);
            return matches;
        });
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>Whether the member has an identifier to sign in with: where members choose theirs, only an active space has one.</summary>
    private bool HasSignInIdentifier(MemberAccountState state) =>
        RequirePolicy().Identifier != Interfaces.Tenants.IdentifierKind.ChosenIdentifier || (state.Space == Interfaces.Activation.SpaceStatus.Active && state.ChosenIdentifier is not null);
}
