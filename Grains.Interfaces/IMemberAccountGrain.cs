using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Interfaces;

/// <summary>
/// One member account of one tenant, keyed <c>tenant/identifier</c> (see <see cref="MemberAccountKey"/>). It holds
/// the secret's hash and the attempt counters, and decides every sign-in. A key with no account behaves like an
/// account with an unknown secret, so replies never tell whether an identifier exists.
/// </summary>
[Alias("sesame.IMemberAccountGrain")]
public interface IMemberAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account with its first PIN or password.</summary>
    [Alias("CreateAsync")]
    Task<AccountCreationResult> CreateAsync(NewMemberAccount account, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a PIN or password, counting failures and locking the account as its tenant's policy says. Where the tenant
    /// asks for a second factor, a right password sends a one-time access code, by <paramref name="accessCodeChannel"/>
    /// when the member has one, instead of opening a session.
    /// </summary>
    [Alias("LoginAsync")]
    Task<LoginResult> LoginAsync(string secret, CodeChannel? accessCodeChannel, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// The second step of a sign-in: the access code sent for <paramref name="flowId"/>. Wrong codes are counted on the
    /// account and lock it like wrong passwords, on a counter of their own; the right one opens the session.
    /// </summary>
    [Alias("VerifyAccessCodeAsync")]
    Task<LoginResult> VerifyAccessCodeAsync(string flowId, string code, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Ends every session of the account (sign out everywhere); the number ended, or null if there is no account.</summary>
    [Alias("EndSessionsAsync")]
    Task<int?> EndSessionsAsync(CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Ends a lockout or a required recovery, for a back office; false if there is no account.</summary>
    [Alias("UnlockAsync")]
    Task<bool> UnlockAsync(CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>The account's most recent audit entries, oldest first; null if there is no account.</summary>
    [Alias("GetAuditTrailAsync")]
    Task<IReadOnlyList<AuditEntry>?> GetAuditTrailAsync(CancellationToken cancellationToken);

    /// <summary>Records that the member signed out of one session, and forgets that session.</summary>
    [Alias("RecordLogoutAsync")]
    Task RecordLogoutAsync(string sessionKey, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Records the member's acceptance of the terms of use in <paramref name="version"/>; false if there is no account.</summary>
    [Alias("AcceptTermsAsync")]
    Task<bool> AcceptTermsAsync(string version, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// "Mot de passe oublié": sends a one-time code, bound to <paramref name="flowId"/>, by e-mail, by SMS when
    /// <paramref name="preferred"/> asks for it and the tenant allows it, otherwise by letter. Within the channel's
    /// resend cooldown nothing new is sent and the code already sent moves to this flow.
    /// </summary>
    [Alias("StartRecoveryAsync")]
    Task<RecoveryStart> StartRecoveryAsync(CodeChannel? preferred, string flowId, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a one-time code entered in <paramref name="flowId"/>: a code by e-mail or SMS only in the flow that asked
    /// for it, a code by letter in any flow. Tries are counted per code and on the account's budget.
    /// </summary>
    [Alias("VerifyCodeAsync")]
    Task<CodeVerification> VerifyCodeAsync(string flowId, string code, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the new secret allowed by a verified code: the lockout schedule starts over, every session ends and the
    /// member is notified.
    /// </summary>
    [Alias("ResetSecretAsync")]
    Task<SecretResetResult> ResetSecretAsync(string resetToken, string newSecret, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Queues a letter with a one-time security code (first connection, or a reset by the back office).</summary>
    [Alias("IssueSecurityCodeAsync")]
    Task<SecurityCodeIssue> IssueSecurityCodeAsync(CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Changes the member's contacts and notifies the old ones; false if there is no account.</summary>
    [Alias("UpdateContactsAsync")]
    Task<bool> UpdateContactsAsync(ContactsUpdate update, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Whether the account is the member with this NIR digest, birth date and postal code; null if not.</summary>
    [Alias("MatchIdentityAsync")]
    Task<IdentityMatch?> MatchIdentityAsync(string nirDigest, DateOnly birthDate, string postalCode, CancellationToken cancellationToken);

    /// <summary>Sends the member their identifier by the channel of <see cref="MatchIdentityAsync"/>; false if there is none.</summary>
    [Alias("SendIdentifierAsync")]
    Task<bool> SendIdentifierAsync(CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="ibanTail"/> is the end of the member's IBAN (a salted hash is compared).</summary>
    [Alias("CheckIbanTailAsync")]
    Task<bool> CheckIbanTailAsync(string ibanTail, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>What the member's space is shown of the contacts on file, masked; null if there is no account.</summary>
    [Alias("GetContactsOnFileAsync")]
    Task<ContactsOnFile?> GetContactsOnFileAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records the terms of use and data protection policy accepted at an activation, each unless its version is empty;
    /// the contacts on file after it, or null if there is no account.
    /// </summary>
    [Alias("AcceptPoliciesAsync")]
    Task<ContactsOnFile?> AcceptPoliciesAsync(string termsVersion, string privacyPolicyVersion, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the e-mail address or mobile number to one the member's space verified with a code, and tells the old
    /// contacts; the contacts on file after it, or null if there is no account.
    /// </summary>
    [Alias("ChangeVerifiedContactAsync")]
    Task<ContactsOnFile?> ChangeVerifiedContactAsync(CodeChannel channel, string contact, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// Records an event of the member's space in one write: its audit entry, the space's new status, the message to the
    /// member in the outbox; false if there is no account.
    /// </summary>
    [Alias("RecordSpaceEventAsync")]
    Task<bool> RecordSpaceEventAsync(SpaceEvent spaceEvent, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a one-time code of the member's space on the account's budget of wrong codes, shared with recovery codes:
    /// false, and nothing recorded, if there is no account or the budget is spent.
    /// </summary>
    [Alias("EnterCodeAsync")]
    Task<bool> EnterCodeAsync(CodeEntry entry, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// The last step of an activation: claims <paramref name="identifier"/> for the account and sets the password, unless
    /// the activation ends at <paramref name="flowExpiresAt"/> first; every counter starts over.
    /// </summary>
    [Alias("ActivateSpaceAsync")]
    Task<ActivationResult> ActivateSpaceAsync(string identifier, string password, DateTimeOffset flowExpiresAt, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>The account's part of closing the member's space: every session ends and the password goes; false if there is no account.</summary>
    [Alias("CloseSpaceAsync")]
    Task<bool> CloseSpaceAsync(CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>The outbox's messages that are due for delivery, for the dispatcher.</summary>
    [Alias("GetDueNotificationsAsync")]
    Task<IReadOnlyList<Notification>> GetDueNotificationsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes delivered messages out of the outbox and schedules failed ones for a retry; a message refused for good or
    /// out of attempts goes to the tenant's dead letters first, then leaves the outbox.
    /// </summary>
    [Alias("AcknowledgeNotificationsAsync")]
    Task AcknowledgeNotificationsAsync(IReadOnlyCollection<string> delivered, IReadOnlyCollection<DeliveryFailure> failed, CancellationToken cancellationToken);
}
