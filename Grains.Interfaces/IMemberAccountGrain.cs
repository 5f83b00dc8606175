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
}
