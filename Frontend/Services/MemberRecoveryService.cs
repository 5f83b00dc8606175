using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sesame.Frontend.Grpc;
using Sesame.Frontend.Telemetry;
using Sesame.Frontend.Validation;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Secrets;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.V1;

namespace Sesame.Frontend.Services;

/// <summary><c>sesame.v1.MemberRecovery</c>: lost secrets, first connection and lost identifiers, for portals.</summary>
internal sealed class MemberRecoveryService(AccountRequestGate gate, TimeProvider time, FrontendMetrics metrics) : MemberRecovery.MemberRecoveryBase
{
    public override async Task<StartRecoveryReply> StartRecovery(StartRecoveryRequest request, ServerCallContext context)
    {
        var (account, origin, _) = await gate.OpenMemberAsync(context, request.Tenant, request.Identifier, (violations, _) =>
        {
            RequestRules.CheckFlowId(request.FlowId, violations);
            if (!System.Enum.IsDefined(request.Channel))
            {
                violations.Add(new("channel", "must be UNSPECIFIED, EMAIL, SMS or LETTER"));
            }
        });
        Grains.Interfaces.Recovery.CodeChannel? preferred = request.Channel == V1.CodeChannel.Unspecified ? null : (Grains.Interfaces.Recovery.CodeChannel)(int)request.Channel;
        var start = await account.StartRecoveryAsync(preferred, request.FlowId, origin, context.CancellationToken);
        return new StartRecoveryReply { Channel = (V1.CodeChannel)(int)start.Channel, MaskedDestination = start.MaskedDestination ?? string.Empty };
    }

    public override async Task<VerifyCodeReply> VerifyCode(VerifyCodeRequest request, ServerCallContext context)
    {
        var (account, origin, _) = await gate.OpenMemberAsync(context, request.Tenant, request.Identifier, (violations, _) =>
        {
            RequestRules.CheckFlowId(request.FlowId, violations);
            RequestRules.CheckCode(request.Code, violations);
        });
        var verification = await account.VerifyCodeAsync(request.FlowId, request.Code, origin, context.CancellationToken);
        return verification.Verified
            ? new VerifyCodeReply { Status = VerifyCodeStatus.Verified, ResetToken = verification.ResetToken, ResetExpiresAt = Timestamp.FromDateTimeOffset(verification.ResetExpiresAt!.Value) }
            : new VerifyCodeReply { Status = VerifyCodeStatus.Refused };
    }

    public override async Task<SetNewSecretReply> SetNewSecret(SetNewSecretRequest request, ServerCallContext context)
    {
        var (account, origin, policy) = await gate.OpenMemberAsync(context, request.Tenant, request.Identifier, (violations, policy) =>
        {
            if (!Grains.Interfaces.RandomToken.IsWellFormed(request.ResetToken))
            {
                violations.Add(new("reset_token", "must be the token VerifyCode returned"));
            }

            CheckNewSecret(request, policy, violations);
        });
        var secret = request.Secret;
        if (policy.Keypad.Enabled)
        {
            if (await gate.Keypad(request.Tenant, request.KeypadId).ResolveAsync([.. request.Positions, .. request.ConfirmationPositions], context.CancellationToken) is not { } typed)
            {
                return new SetNewSecretReply { Status = SetNewSecretStatus.KeypadRefused };
            }

            secret = typed[..SecretRules.PinLength];
            if (typed[SecretRules.PinLength..] != secret)
            {
                throw RpcErrors.InvalidArgument([new("confirmation_positions", "must type the same PIN as positions")]);
            }
        }

        var result = await account.ResetSecretAsync(request.ResetToken, secret, origin, context.CancellationToken);
        return result.Status switch
        {
            SecretResetStatus.Changed => new SetNewSecretReply { Status = SetNewSecretStatus.Changed },
            SecretResetStatus.ResetRefused => new SetNewSecretReply { Status = SetNewSecretStatus.ResetRefused },
            SecretResetStatus.SecretRejected => throw SecretViolations.ToRpcException(policy.Keypad.Enabled ? "positions" : "secret", result.Violations),
            _ => throw new InvalidOperationException($"Unmapped reset status {result.Status}."),
        };
    }

    public override async Task<RecoverIdentifierReply> RecoverIdentifier(RecoverIdentifierRequest request, ServerCallContext context)
    {
        var (origin, query) = OpenLookup(context, request.Tenant, request.Nir, request.BirthDate, request.PostalCode, checkMore: null);
        var result = await gate.IdentifierLookup(request.Tenant).RecoverAsync(query, origin, context.CancellationToken);
        metrics.IdentifierLookup(request.Tenant, result.Status);
        return new RecoverIdentifierReply
        {
            Status = result.Status switch
            {
                IdentifierRecoveryStatus.TooManyAttempts => RecoverIdentifierStatus.TooManyAttempts,
                IdentifierRecoveryStatus.EmailSent => RecoverIdentifierStatus.EmailSent,
                IdentifierRecoveryStatus.SmsSent => RecoverIdentifierStatus.SmsSent,
                IdentifierRecoveryStatus.IbanRequired => RecoverIdentifierStatus.IbanRequired,
                _ => throw new InvalidOperationException($"Unmapped identifier recovery status {result.Status}."),
            },
            RetryAfter = RetryAfter(result.RetryAfter),
            MaskedEmails = { result.MaskedEmails },
            MaskedMobiles = { result.MaskedMobiles },
        };
    }

    public override async Task<RevealIdentifierReply> RevealIdentifier(RevealIdentifierRequest request, ServerCallContext context)
    {
        string? ibanTail = null;
        var (origin, query) = OpenLookup(context, request.Tenant, request.Nir, request.BirthDate, request.PostalCode, violations =>
            ibanTail = RequestRules.CheckIbanTail("iban_tail", request.IbanTail, violations));
        var result = await gate.IdentifierLookup(request.Tenant).RevealAsync(query, ibanTail!, origin, context.CancellationToken);
        metrics.IdentifierLookup(request.Tenant, result.Status);
        return new RevealIdentifierReply
        {
            Status = result.Status switch
            {
                IdentifierRevealStatus.TooManyAttempts => RevealIdentifierStatus.TooManyAttempts,
                IdentifierRevealStatus.Revealed => RevealIdentifierStatus.Revealed,
                IdentifierRevealStatus.NotMatched => RevealIdentifierStatus.NotMatched,
                _ => throw new InvalidOperationException($"Unmapped identifier reveal status {result.Status}."),
            },
            RetryAfter = RetryAfter(result.RetryAfter),
            Identifiers = { result.Identifiers },
        };
    }

    private static void CheckNewSecret(SetNewSecretRequest request, TenantPolicy? policy, List<FieldViolation> violations)
    {
        if (policy is null)
        {
            return;
        }

        // The new secret comes as a sign-in does: the PIN or password itself, or positions on a keypad.
        RequestRules.CheckSignIn(request.Secret, request.KeypadId, request.Positions, policy, violations);
        if (!policy.Keypad.Enabled)
        {
            if (request.ConfirmationPositions.Count > 0)
            {
                violations.Add(new("confirmation_positions", "must be empty: this tenant takes no keypad"));
            }

            if (request.Confirmation != request.Secret)
            {
                violations.Add(new("confirmation", "must be the same as secret"));
            }

            return;
        }

        if (request.ConfirmationPositions.Count != SecretRules.PinLength || request.ConfirmationPositions.Any(position => position is < 0 or > 9))
        {
            violations.Add(new("confirmation_positions", $"must be {SecretRules.PinLength} keypad positions from 0 to 9"));
        }

        if (request.Confirmation.Length > 0)
        {
            violations.Add(new("confirmation", "must be empty: this tenant takes the PIN as keypad positions"));
        }
    }

    /// <summary>Passes the edge for an identifier lookup: who asks, and who the member says they are.</summary>
    private (CallOrigin Origin, IdentityQuery Query) OpenLookup(ServerCallContext context, string tenant, string nir, string birthDate, string postalCode, Action<List<FieldViolation>>? checkMore)
    {
        string? normalizedNir = null;
        DateOnly? birth = null;
        var (origin, policy) = gate.OpenTenant(context, tenant, (violations, _) =>
        {
            normalizedNir = RequestRules.CheckNir("nir", nir, required: true, violations);
            birth = RequestRules.CheckBirthDate(birthDate, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), violations);
            if (birthDate.Length == 0)
            {
                violations.Add(new("birth_date", "is required"));
            }

            RequestRules.CheckPostalCode("postal_code", postalCode, required: true, violations);
            checkMore?.Invoke(violations);
        });
        if (!policy.IdentifierRecovery.Enabled)
        {
            throw RpcErrors.Status(StatusCode.FailedPrecondition, $"Tenant '{tenant}' does not offer identifier recovery.");
        }

        return (origin, new IdentityQuery(normalizedNir!, birth!.Value, postalCode));
    }

    private static Duration? RetryAfter(TimeSpan? wait) => wait is { } retryAfter ? Duration.FromTimeSpan(retryAfter) : null;
}
