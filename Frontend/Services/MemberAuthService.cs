using Google.Protobuf.WellKnownTypes;
using Sesame.Frontend.Security;
using Sesame.Frontend.Validation;
using Sesame.Grpc;
using Sesame.V1;

namespace Sesame.Frontend.Services;

/// <summary><c>sesame.v1.MemberAuth</c>: sign-in of members, for portals.</summary>
internal sealed class MemberAuthService(AccountRequestGate gate)
{
    public async Task<LoginReply> LoginAsync(LoginRequest request, ServerCallContext context)
    {
        var (account, origin, _) = gate.Open(context, CallerKind.Portal, request.Tenant, request.Identifier, violations => RequestRules.CheckPin("pin", request.Pin, violations));
        var result = await account.LoginAsync(request.Pin, origin, context.CancellationToken);
        return result.Status switch
        {
            Grains.Interfaces.LoginStatus.Succeeded => new LoginReply { Status = V1.LoginStatus.Succeeded },
            Grains.Interfaces.LoginStatus.InvalidCredentials => WithRemaining(new LoginReply { Status = V1.LoginStatus.InvalidCredentials }, result.RemainingAttempts),
            Grains.Interfaces.LoginStatus.LockedOut => new LoginReply { Status = V1.LoginStatus.LockedOut, RetryAfter = Duration.FromTimeSpan(result.RetryAfter!.Value) },
            Grains.Interfaces.LoginStatus.RecoveryRequired => new LoginReply { Status = V1.LoginStatus.RecoveryRequired },
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
