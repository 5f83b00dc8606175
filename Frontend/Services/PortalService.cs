using Google.Protobuf.WellKnownTypes;
using Sesame.Frontend.Security;
using Sesame.Frontend.Validation;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grpc;
using Sesame.V1;

namespace Sesame.Frontend.Services;

/// <summary><c>sesame.v1.Portal</c>: what a portal needs to know about its tenant.</summary>
internal sealed class PortalService(CallerAuthenticator authenticator, ITenantPolicies tenants)
{
    public Task<TenantDescription> DescribeTenantAsync(DescribeTenantRequest request, ServerCallContext context)
    {
        var (caller, _) = authenticator.Authenticate(context, CallerKind.Portal);
        var violations = new List<FieldViolation>();
        RequestRules.CheckTenant(request.Tenant, violations);
        RpcException.ThrowIfInvalid(violations);
        var policy = RequestRules.RequireTenant(tenants, request.Tenant);
        caller.EnsureTenant(request.Tenant);

        return Task.FromResult(new TenantDescription
        {
            Tenant = request.Tenant,
            DisplayName = policy.DisplayName,
            MaxFailedAttempts = policy.Lockout.MaxFailedAttempts,
            LockoutDuration = Duration.FromTimeSpan(policy.Lockout.Duration),
            RevealsRemainingAttempts = policy.RevealRemainingAttempts,
        });
    }
}
