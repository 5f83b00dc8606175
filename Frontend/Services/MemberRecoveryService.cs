using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sesame.Frontend.Grpc;
using Sesame.Frontend.Security;
using Sesame.Frontend.Validation;
using Sesame.Grains.Hashing;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Secrets;
using Sesame.V1;

namespace Sesame.Frontend.Services;

/// <summary><c>sesame.v1.MemberRecovery</c>: lost secrets, first connection and lost identifiers, for portals.</summary>
internal sealed class MemberRecoveryService(AccountRequestGate gate, IKeyedDigest digest, ISecretHasher hasher, LookupLimiter limiter, TimeProvider time) : MemberRecovery.MemberRecoveryBase
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
        var lookup = await OpenLookupAsync(context, request.Tenant, request.Nir, request.BirthDate, request.PostalCode, checkMore: null);
        if (lookup.RetryAfter is { } retryAfter)
        {
            return new RecoverIdentifierReply { Status = RecoverIdentifierStatus.TooManyAttempts, RetryAfter = Duration.FromTimeSpan(retryAfter) };
        }

        var reached = new List<IdentityMatch>();
        foreach (var (accountKey, match) in await FindMatchesAsync(lookup, context.CancellationToken))
        {
            if (match.Channel is not null && await gate.Account(accountKey).SendIdentifierAsync(lookup.Origin, context.CancellationToken))
            {
                reached.Add(match);
            }
        }

        var byEmail = reached.Where(match => match.Channel == Grains.Interfaces.Recovery.CodeChannel.Email).Select(match => match.MaskedDestination!).ToArray();
        var bySms = reached.Where(match => match.Channel == Grains.Interfaces.Recovery.CodeChannel.Sms).Select(match => match.MaskedDestination!).ToArray();
        return (byEmail.Length, bySms.Length) switch
        {
            ( > 0, _) => new RecoverIdentifierReply { Status = RecoverIdentifierStatus.EmailSent, MaskedEmails = { byEmail }, MaskedMobiles = { bySms } },
            (_, > 0) => new RecoverIdentifierReply { Status = RecoverIdentifierStatus.SmsSent, MaskedMobiles = { bySms } },
            _ => new RecoverIdentifierReply { Status = RecoverIdentifierStatus.IbanRequired },
        };
    }

    public override async Task<RevealIdentifierReply> RevealIdentifier(RevealIdentifierRequest request, ServerCallContext context)
    {
        string? ibanTail = null;
        var lookup = await OpenLookupAsync(context, request.Tenant, request.Nir, request.BirthDate, request.PostalCode, violations =>
            ibanTail = RequestRules.CheckIbanTail("iban_tail", request.IbanTail, violations));
        if (lookup.RetryAfter is { } retryAfter)
        {
            return new RevealIdentifierReply { Status = RevealIdentifierStatus.TooManyAttempts, RetryAfter = Duration.FromTimeSpan(retryAfter) };
        }

        // Members the identifier reaches by e-mail (or SMS) get it that way only, as the help pages say.
        var candidates = (await FindMatchesAsync(lookup, context.CancellationToken)).Where(match => match.Match.Channel is null).ToArray();
        if (candidates.Length == 0)
        {
            // The work of one comparison, as for a member.
            hasher.VerifyDummy(ibanTail!);
        }

        var revealed = new List<string>();
        foreach (var candidate in candidates)
        {
            if (await gate.Account(candidate.AccountKey).CheckIbanTailAsync(ibanTail!, lookup.Origin, context.CancellationToken))
            {
                revealed.Add(candidate.Match.Identifier);
            }
        }

        return revealed.Count > 0
            ? new RevealIdentifierReply { Status = RevealIdentifierStatus.Revealed, Identifiers = { revealed } }
            : new RevealIdentifierReply { Status = RevealIdentifierStatus.NotMatched };
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

    private const string ClientIpPurpose = "client-ip";

    /// <summary>Passes the edge for an identifier lookup, then takes one lookup from the NIR's and the client address's budgets.</summary>
    private async Task<IdentifierLookup> OpenLookupAsync(ServerCallContext context, string tenant, string nir, string birthDate, string postalCode, Action<List<FieldViolation>>? checkMore)
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
        var rules = policy.IdentifierRecovery;
        if (!rules.Enabled)
        {
            throw RpcErrors.Status(StatusCode.FailedPrecondition, $"Tenant '{tenant}' does not offer identifier recovery.");
        }

        var nirDigest = digest.LookupKey(Grains.Interfaces.Nir.LookupPurpose, normalizedNir!);
        var client = origin.ClientIp is { } ip ? digest.LookupKey(ClientIpPurpose, ip) : $"caller:{origin.Caller}";
        var retryAfter = await limiter.TryAcquireAsync(
            [($"{tenant}/nir/{nirDigest}", rules.MaxLookupsPerMember), ($"{tenant}/ip/{client}", rules.MaxLookupsPerClientIp)],
            rules.Window,
            context.CancellationToken);
        return new IdentifierLookup(tenant, nirDigest, birth!.Value, postalCode, origin, retryAfter);
    }

    private async Task<IReadOnlyList<(string AccountKey, IdentityMatch Match)>> FindMatchesAsync(IdentifierLookup lookup, CancellationToken cancellationToken)
    {
        var matches = new List<(string, IdentityMatch)>();
        foreach (var accountKey in await gate.Directory(lookup.Tenant, lookup.NirDigest).ListAsync(cancellationToken))
        {
            if (await gate.Account(accountKey).MatchIdentityAsync(lookup.NirDigest, lookup.BirthDate, lookup.PostalCode, cancellationToken) is { } match)
            {
                matches.Add((accountKey, match));
            }
        }

        return matches;
    }
}
