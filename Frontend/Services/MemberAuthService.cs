using Google.Protobuf.WellKnownTypes;
using Sesame.Frontend.Security;
using Sesame.Frontend.Validation;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grpc;
using Sesame.Runtime;
using Sesame.V1;

namespace Sesame.Frontend.Services;

/// <summary><c>sesame.v1.MemberAuth</c>: sign-in of members, for portals.</summary>
internal sealed class MemberAuthService(CallerAuthenticator authenticator, IGrainFactory grains, ITenantPolicies tenants)
{
    public async Task<LoginReply> LoginAsync(LoginRequest request, ServerCallContext context)
    {
        var (caller, origin) = authenticator.Authenticate(context, CallerKind.Portal);
        var violations = new List<FieldViolation>();
        RequestRules.CheckTenant(request.Tenant, violations);
        RequestRules.CheckIdentifier(request.Identifier, violations);
        RequestRules.CheckPin("pin", request.Pin, violations);
        RpcException.ThrowIfInvalid(violations);
        RequestRules.RequireTenant(tenants, request.Tenant);
        caller.EnsureTenant(request.Tenant);

        var account = grains.GetGrain<IMemberAccountGrain>(MemberAccountKey.For(request.Tenant, request.Identifier));
        var result = await account.LoginAsync(request.Pin, origin, context.CancellationToken);
        return result.Status switch
        {
            Grains.Interfaces.LoginStatus.Succeeded => new LoginReply { Status = V1.LoginStatus.Succeeded },
            Grains.Interfaces.LoginStatus.InvalidCredentials => WithRemaining(new LoginReply { Status = V1.LoginStatus.InvalidCredentials }, result.RemainingAttempts),
            Grains.Interfaces.LoginStatus.LockedOut => new LoginReply { Status = V1.LoginStatus.LockedOut, RetryAfter = Duration.FromTimeSpan(result.RetryAfter!.Value) },
            Grains.Interfaces.LoginStatus.UnknownTenant => throw RequestRules.TenantNotFound(request.Tenant),
            _ => throw new InvalidOperationException($"Unmapped login status {result.Status}."),
        };
    }

    private static LoginReply WithRemaining(LoginReply reply, int? remainingAttempts)
    {
        if (remainingAttempts is { } remaining)
        {
            reply.RemainingAttempts = remaining;
        }

        return reply;
    }
}
