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
        var (account, origin, policy) = gate.Open(context, CallerKind.Portal, request.Tenant, request.Identifier, (violations, policy) =>
            RequestRules.CheckSignIn(request.Secret, request.KeypadId, request.Positions, policy, violations));
        var secret = request.Secret;
        if (policy.Keypad.Enabled)
        {
            if (await gate.Keypad(request.Tenant, request.KeypadId).ResolveAsync(request.Positions, context.CancellationToken) is not { } typed)
            {
                return new LoginReply { Status = V1.LoginStatus.KeypadRefused };
            }

            secret = typed;
        }

        var result = await account.LoginAsync(secret, origin, context.CancellationToken);
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

    public async Task<Keypad> IssueKeypadAsync(IssueKeypadRequest request, ServerCallContext context)
    {
        var policy = gate.OpenTenant(context, CallerKind.Portal, request.Tenant);
        if (!policy.Keypad.Enabled)
        {
            throw new RpcException(StatusCode.FailedPrecondition, $"Tenant '{request.Tenant}' takes the PIN itself, not keypad positions.");
        }

        var id = RandomToken.New();
        var issued = await gate.Keypad(request.Tenant, id).IssueAsync(policy.Keypad.Lifetime, context.CancellationToken);
        return new Keypad { KeypadId = id, Digits = { issued.Digits }, ExpiresAt = Timestamp.FromDateTimeOffset(issued.ExpiresAt) };
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
