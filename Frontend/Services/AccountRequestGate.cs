using Grpc.Core;
using Sesame.Frontend.Grpc;
using Sesame.Frontend.Security;
using Sesame.Frontend.Validation;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.AttackSignals;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Frontend.Services;

/// <summary>
/// The edge of every call on a tenant or one of its accounts, in order, once <see cref="CallerInterceptor"/> has
/// authenticated the caller: check the request's fields, require a configured tenant the caller may act on. Only then is a grain addressed.
/// Each step throws the <see cref="RpcException"/> that ends the call.
/// </summary>
internal sealed class AccountRequestGate(ITenantPolicies tenants, IGrainFactory grains)
{
    /// <summary>
    /// Passes the edge for a call on one account addressed by its own identifier (a back office's, where members choose
    /// theirs); <paramref name="checkMore"/> adds the violations of the method's other fields, given the tenant's policy
    /// when the tenant exists.
    /// </summary>
    public async Task<AccountRequest> OpenAsync(ServerCallContext context, string tenant, string identifier, Action<List<FieldViolation>, TenantPolicy?>? checkMore = null)
    {
        string? normalized = null;
        var (origin, policy) = Pass(context, tenant, (violations, policy) =>
        {
            normalized = RequestRules.CheckIdentifier(identifier, policy, violations);
            checkMore?.Invoke(violations, policy);
        });
        var accountKey = await Locator(tenant).AccountKeyAsync(normalized!, context.CancellationToken);
        return new AccountRequest(Account(accountKey), origin, policy) { Identifier = normalized! };
    }

    /// <summary>
    /// Passes the edge for a portal's call on the account a member signs in to, by the identifier they sign in with.
    /// Where members choose theirs, it leads to the account that holds it, and one that nobody holds leads to an account
    /// that does not exist, so it answers exactly like an unknown identifier.
    /// </summary>
    public async Task<AccountRequest> OpenMemberAsync(ServerCallContext context, string tenant, string identifier, Action<List<FieldViolation>, TenantPolicy?>? checkMore = null)
    {
        string? normalized = null;
        var (origin, policy) = Pass(context, tenant, (violations, policy) =>
        {
            normalized = RequestRules.CheckSignInIdentifier(identifier, policy, violations);
            checkMore?.Invoke(violations, policy);
        });
        var accountKey = await Locator(tenant).SignInAccountKeyAsync(normalized!, context.CancellationToken);
        return new AccountRequest(Account(accountKey), origin, policy) { Identifier = normalized! };
    }

    /// <summary>Passes the edge for a portal's call on one of its sessions; <paramref name="checkMore"/> adds the violations of other fields.</summary>
    public SessionRequest OpenSession(ServerCallContext context, string tenant, string sessionToken, Action<List<FieldViolation>, TenantPolicy?>? checkMore = null)
    {
        var (origin, policy) = Pass(context, tenant, (violations, policy) =>
        {
            if (!RandomToken.IsWellFormed(sessionToken))
            {
                violations.Add(new("session_token", $"must be the {RandomToken.Length}-character token that Login returned"));
            }

            checkMore?.Invoke(violations, policy);
        });
        var key = TokenKey.For(tenant, sessionToken);
        return new SessionRequest(grains.GetGrain<ISessionGrain>(key), key, origin, policy);
    }

    /// <summary>A keypad of <paramref name="tenant"/> by id.</summary>
    public IKeypadGrain Keypad(string tenant, string keypadId) => grains.GetGrain<IKeypadGrain>($"{tenant}/{keypadId}");

    /// <summary>An anti-robot challenge of <paramref name="tenant"/> by id.</summary>
    public IChallengeGrain Challenge(string tenant, string challengeId) => grains.GetGrain<IChallengeGrain>($"{tenant}/{challengeId}");

    /// <summary>Any account of any tenant, by key, once the edge is passed.</summary>
    public IMemberAccountGrain Account(string accountKey) => grains.GetGrain<IMemberAccountGrain>(accountKey);

    /// <summary>Where the accounts of <paramref name="tenant"/> are found by identifier or NIR.</summary>
    public IMemberLocatorGrain Locator(string tenant) => grains.GetGrain<IMemberLocatorGrain>(tenant);

    /// <summary>Where the refused sign-ins of <paramref name="tenant"/> are counted, for attack signals.</summary>
    public ISignInWatchGrain SignInWatch(string tenant) => grains.GetGrain<ISignInWatchGrain>(tenant);

    /// <summary>Identifier recovery for <paramref name="tenant"/>.</summary>
    public IIdentifierLookupGrain IdentifierLookup(string tenant) => grains.GetGrain<IIdentifierLookupGrain>(tenant);

    /// <summary>The space of the account of <paramref name="accountKey"/> (Mon espace santé), once the edge is passed.</summary>
    public IMemberSpaceGrain Space(string accountKey) => grains.GetGrain<IMemberSpaceGrain>(accountKey);

    /// <summary>An activation of <paramref name="tenant"/> by id.</summary>
    public IActivationFlowGrain ActivationFlow(string tenant, string activationId) => grains.GetGrain<IActivationFlowGrain>(TokenKey.For(tenant, activationId));

    /// <summary>The letters of <paramref name="tenant"/> waiting to be printed.</summary>
    public ILetterQueueGrain Letters(string tenant) => grains.GetGrain<ILetterQueueGrain>(tenant);

    /// <summary>The messages to members of <paramref name="tenant"/> that could not be delivered.</summary>
    public IDeadLetterGrain DeadLetters(string tenant) => grains.GetGrain<IDeadLetterGrain>(tenant);

    /// <summary>Passes the edge for a call on a tenant as a whole, and returns its policy.</summary>
    public TenantPolicy OpenTenant(ServerCallContext context, string tenant) => Pass(context, tenant, checkMore: null).Policy;

    /// <summary>Passes the edge for a call on a tenant as a whole whose other fields <paramref name="checkMore"/> checks.</summary>
    public (CallOrigin Origin, TenantPolicy Policy) OpenTenant(ServerCallContext context, string tenant, Action<List<FieldViolation>, TenantPolicy?> checkMore) =>
        Pass(context, tenant, checkMore);

    private (CallOrigin Origin, TenantPolicy Policy) Pass(ServerCallContext context, string tenant, Action<List<FieldViolation>, TenantPolicy?>? checkMore)
    {
        var (caller, origin) = AuthenticatedCall.Of(context);
        var violations = new List<FieldViolation>();
        RequestRules.CheckTenant(tenant, violations);
        checkMore?.Invoke(violations, violations.Count == 0 ? tenants.Find(tenant) : null);
        RpcErrors.ThrowIfInvalid(violations);
        var policy = RequestRules.RequireTenant(tenants, tenant);
        caller.EnsureTenant(tenant);
        return (origin, policy);
    }
}
