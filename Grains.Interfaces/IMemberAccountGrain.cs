using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Runtime;

namespace Sesame.Grains.Interfaces;

/// <summary>
/// One member account of one tenant, keyed <c>tenant/identifier</c> (see <see cref="MemberAccountKey"/>). It holds
/// the secret's hash and the attempt counters, and decides every sign-in. A key with no account behaves like an
/// account with an unknown secret, so replies never tell whether an identifier exists.
/// </summary>
public interface IMemberAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account with its first PIN or password.</summary>
    Task<AccountCreationResult> CreateAsync(NewMemberAccount account, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Checks a PIN or password, counting failures and locking the account as its tenant's policy says.</summary>
    Task<LoginResult> LoginAsync(string secret, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Ends every session of the account (sign out everywhere); the number ended, or null if there is no account.</summary>
    Task<int?> EndSessionsAsync(CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Ends a lockout or a required recovery, for a back office; false if there is no account.</summary>
    Task<bool> UnlockAsync(CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>The account's most recent audit entries, oldest first; null if there is no account.</summary>
    Task<IReadOnlyList<AuditEntry>?> GetAuditTrailAsync(CancellationToken cancellationToken);

    /// <summary>Records that the member signed out of one session, and forgets that session.</summary>
    Task RecordLogoutAsync(string sessionKey, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Records the member's acceptance of the terms of use in <paramref name="version"/>; false if there is no account.</summary>
    Task<bool> AcceptTermsAsync(string version, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// "Mot de passe oublié": sends a one-time code, bound to <paramref name="flowId"/>, by e-mail, by SMS when
    /// <paramref name="preferred"/> asks for it and the tenant allows it, otherwise by letter. Within the channel's
    /// resend cooldown nothing new is sent and the code already sent moves to this flow.
    /// </summary>
    Task<RecoveryStart> StartRecoveryAsync(CodeChannel? preferred, string flowId, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a one-time code entered in <paramref name="flowId"/>: a code by e-mail or SMS only in the flow that asked
    /// for it, a code by letter in any flow. Tries are counted per code and on the account's budget.
    /// </summary>
    Task<CodeVerification> VerifyCodeAsync(string flowId, string code, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the new secret allowed by a verified code: the lockout schedule starts over, every session ends and the
    /// member is notified.
    /// </summary>
    Task<SecretResetResult> ResetSecretAsync(string resetToken, string newSecret, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Queues a letter with a one-time security code (first connection, or a reset by the back office).</summary>
    Task<SecurityCodeIssue> IssueSecurityCodeAsync(CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Changes the member's contacts and notifies the old ones; false if there is no account.</summary>
    Task<bool> UpdateContactsAsync(ContactsUpdate update, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Whether the account is the member with this NIR digest, birth date and postal code; null if not.</summary>
    Task<IdentityMatch?> MatchIdentityAsync(string nirDigest, DateOnly birthDate, string postalCode, CancellationToken cancellationToken);

    /// <summary>E-mails the member their identifier; false if no e-mail is on file.</summary>
    Task<bool> SendIdentifierAsync(CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="ibanTail"/> is the end of the member's IBAN (a salted hash is compared).</summary>
    Task<bool> CheckIbanTailAsync(string ibanTail, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>The outbox's messages that are due for delivery, for the dispatcher.</summary>
    Task<IReadOnlyList<Notification>> GetDueNotificationsAsync(CancellationToken cancellationToken);

    /// <summary>Takes delivered messages out of the outbox and schedules failed ones for a retry.</summary>
    Task AcknowledgeNotificationsAsync(IReadOnlyCollection<string> delivered, IReadOnlyCollection<string> failed, CancellationToken cancellationToken);
}
