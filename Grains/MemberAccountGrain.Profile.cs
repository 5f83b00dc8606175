using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Recovery;

namespace Sesame.Grains;

// The member's contacts, identity and accepted terms: back-office changes, changes verified by a space, "Obtenir son identifiant".
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

        return await StoreWithProfileAsync(state =>
        {
            ChangeContacts(state, origin, changed =>
            {
                changed.Email = update.Email is null ? changed.Email : NullIfEmpty(update.Email);
                changed.Mobile = update.Mobile is null ? changed.Mobile : NullIfEmpty(update.Mobile);
                changed.PostalAddress = update.PostalAddress is null ? changed.PostalAddress : [.. update.PostalAddress];
                changed.PostalCode = update.PostalCode is null ? changed.PostalCode : NullIfEmpty(update.PostalCode);
            });
            return true;
        });
    }

    public async Task<ContactsOnFile?> ChangeVerifiedContactAsync(CodeChannel channel, string contact, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(channel, CodeChannel.Letter);
        ArgumentException.ThrowIfNullOrEmpty(contact);
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists)
        {
            return null;
        }

        return await StoreWithProfileAsync(state =>
        {
            ChangeContacts(state, origin, changed =>
            {
                if (channel == CodeChannel.Email)
                {
                    changed.Email = contact;
                }
                else
                {
                    changed.Mobile = contact;
                }
            });
            return ContactsOnFile();
        });
    }

    public Task<ContactsOnFile?> GetContactsOnFileAsync(CancellationToken cancellationToken) =>
        Task.FromResult(account.RecordExists ? ContactsOnFile() : null);

    public Task<bool> AcceptTermsAsync(string version, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentNullException.ThrowIfNull(origin);
        return !account.RecordExists ? Task.FromResult(false) : StoreWithProfileAsync(state =>
        {
            AcceptTerms(state, version, origin);
            return true;
        });
    }

    public async Task<ContactsOnFile?> AcceptPoliciesAsync(string termsVersion, string privacyPolicyVersion, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(termsVersion);
        ArgumentNullException.ThrowIfNull(privacyPolicyVersion);
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists)
        {
            return null;
        }

        return await StoreWithProfileAsync(state =>
        {
            if (termsVersion.Length > 0)
            {
                AcceptTerms(state, termsVersion, origin);
            }

            if (privacyPolicyVersion.Length > 0)
            {
                profile.State.AcceptedPrivacyPolicyVersion = privacyPolicyVersion;
                Audit(state, AuditEvent.PrivacyPolicyAccepted, origin);
            }

            return ContactsOnFile();
        });
    }

    public Task<IdentityMatch?> MatchIdentityAsync(string nirDigest, DateOnly birthDate, string postalCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nirDigest);
        ArgumentNullException.ThrowIfNull(postalCode);
        var member = profile.State;
        var matches = account.RecordExists && member.NirDigest == nirDigest && member.BirthDate == birthDate && member.PostalCode == postalCode && HasSignInIdentifier(account.State);
        if (!matches)
        {
            return Task.FromResult<IdentityMatch?>(null);
        }

        return Task.FromResult<IdentityMatch?>(IdentifierChannel() switch
        {
            CodeChannel.Email => new IdentityMatch(SignInIdentifier, CodeChannel.Email, Masking.Email(member.Email!)),
            CodeChannel.Sms => new IdentityMatch(SignInIdentifier, CodeChannel.Sms, Masking.Mobile(member.Mobile!)),
            _ => new IdentityMatch(SignInIdentifier, null, null),
        });
    }

    public async Task<bool> SendIdentifierAsync(CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists || IdentifierChannel() is not { } channel)
        {
            return false;
        }

        return await StoreAsync(state =>
        {
            Enqueue(state, NotificationKind.IdentifierReminder, channel, channel == CodeChannel.Email ? profile.State.Email! : profile.State.Mobile!, SignInIdentifier, expiresAt: null);
            Audit(state, AuditEvent.IdentifierSent, origin);
            return true;
        });
    }

    /// <summary>How "Obtenir son identifiant" reaches the member: by e-mail, else by SMS where the tenant allows it.</summary>
    private CodeChannel? IdentifierChannel() =>
        profile.State.Email is not null ? CodeChannel.Email
        : profile.State.Mobile is not null && RequirePolicy().IdentifierRecovery.BySms ? CodeChannel.Sms
        : null;

    public async Task<bool> CheckIbanTailAsync(string ibanTail, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ibanTail);
        ArgumentNullException.ThrowIfNull(origin);
        if (!account.RecordExists || profile.State.IbanTailHash is not { } hash)
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

    /// <summary>Changes the contacts; the old ones hear of it: if the change was a takeover, they are the member's.</summary>
    private void ChangeContacts(MemberAccountState state, CallOrigin origin, Action<MemberProfileState> change)
    {
        var (oldEmail, oldMobile) = (profile.State.Email, profile.State.Mobile);
        change(profile.State);
        Audit(state, AuditEvent.ContactsChanged, origin);
        NotifyChange(state, NotificationKind.ContactsChanged, oldEmail, oldMobile);
    }

    private void AcceptTerms(MemberAccountState state, string version, CallOrigin origin)
    {
        profile.State.AcceptedTermsVersion = version;
        profile.State.TermsAcceptedAt = time.GetUtcNow();
        Audit(state, AuditEvent.TermsAccepted, origin);
    }

    private ContactsOnFile ContactsOnFile() => new(
        profile.State.Email is null ? null : Masking.Email(profile.State.Email),
        profile.State.Mobile is null ? null : Masking.Mobile(profile.State.Mobile),
        profile.State.PostalAddress.Count > 0,
        profile.State.ChosenIdentifier);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>Whether the member has an identifier to sign in with: where members choose theirs, only an active space has one.</summary>
    private bool HasSignInIdentifier(MemberAccountState state) =>
        RequirePolicy().Identifier != Interfaces.Tenants.IdentifierKind.ChosenIdentifier || (state.Space == Interfaces.Activation.SpaceStatus.Active && profile.State.ChosenIdentifier is not null);
}
