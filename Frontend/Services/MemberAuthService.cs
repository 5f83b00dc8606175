using Google.Protobuf.WellKnownTypes;
using Sesame.Frontend.Security;
using Sesame.Frontend.Validation;
using Sesame.Grains.Interfaces;
using Sesame.Grpc;
using Sesame.V1;

namespace Sesame.Frontend.Services;

/// <summary><c>sesame.v1.MemberAuth</c>: sign-in of members, for portals.</summary>
internal sealed class MemberAuthService(AccountRequestGate gate)
{
    public async Task<LoginReply> LoginAsync(LoginRequest request, ServerCallContext context)
    {
        var (account, origin, _) = gate.Open(context, CallerKind.Portal, request.Tenant, request.Identifier, (violations, policy) => RequestRules.CheckSecret("secret", request.Secret, policy, violations));
        var result = await account.LoginAsync(request.Secret, origin, context.CancellationToken);
        return result.Status switch
        {
            Grains.Interfaces.LoginStatus.Succeeded => new LoginReply
            {
                Status = V1.LoginStatus.Succeeded,
                SessionToken = result.Session!.Token,
                SessionExpiresAt = Timestamp.FromDateTimeOffset(result.Session.ExpiresAt),
                RenewalAdvised = result.RenewalAdvised,
            },
            Grains.Interfaces.LoginStatus.InvalidCredentials => WithRemaining(new LoginReply { Status = V1.LoginStatus.InvalidCredentials }, result.RemainingAttempts),
            Grains.Interfaces.LoginStatus.LockedOut => new LoginReply { Status = V1.LoginStatus.LockedOut, RetryAfter = Duration.FromTimeSpan(result.RetryAfter!.Value) },
            Grains.Interfaces.LoginStatus.RecoveryRequired => new LoginReply { Status = V1.LoginStatus.RecoveryRequired },
            Grains.Interfaces.LoginStatus.UnknownTenant => throw RequestRules.TenantNotFound(request.Tenant),
            _ => throw new InvalidOperationException($"Unmapped login status {result.Status}."),
        };
    }

    public async Task<ValidateSessionReply> ValidateSessionAsync(ValidateSessionRequest request, ServerCallContext context)
    {
        var validation = await gate.OpenSession(context, request.Tenant, request.SessionToken).ValidateAsync(context.CancellationToken);
        return validation.Valid
            ? new ValidateSessionReply { Valid = true, Identifier = MemberAccountKey.IdentifierOf(validation.AccountKey!), ExpiresAt = Timestamp.FromDateTimeOffset(validation.ExpiresAt!.Value) }
            : new ValidateSessionReply { Valid = false };
    }

    public async Task<LogoutReply> LogoutAsync(LogoutRequest request, ServerCallContext context) =>
        new() { Ended = await gate.OpenSession(context, request.Tenant, request.SessionToken).EndAsync(context.CancellationToken) };

    private static LoginReply WithRemaining(LoginReply reply, int? remainingAttempts)
    {
        if (remainingAttempts is { } remaining)
        {
            reply.RemainingAttempts = remaining;
        }

        return reply;
    }
}
