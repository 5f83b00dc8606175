using System.Security.Cryptography;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sesame.Frontend.Grpc;
using Sesame.Frontend.Telemetry;
using Sesame.Frontend.Validation;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.V1;

namespace Sesame.Frontend.Services;

/// <summary><c>sesame.v1.MemberAuth</c>: sign-in of members, for portals.</summary>
internal sealed class MemberAuthService(AccountRequestGate gate, FrontendMetrics metrics) : MemberAuth.MemberAuthBase
{
    /// <summary>Choice ids are 48 random bits: a robot that guesses gets one try per challenge anyway.</summary>
    private const int ChoiceIdBytes = 6;

    public override async Task<LoginReply> Login(LoginRequest request, ServerCallContext context)
    {
        var (account, origin, policy) = await gate.OpenMemberAsync(context, request.Tenant, request.Identifier, (violations, policy) =>
        {
            RequestRules.CheckSignIn(request.Secret, request.KeypadId, request.Positions, policy, violations);
            CheckChallengeAnswer(request, policy, violations);
            CheckAccessCodeChannel(request.AccessCodeChannel, policy, violations);
        });
        if (policy.Challenge.Enabled && !await gate.Challenge(request.Tenant, request.ChallengeId).AnswerAsync(request.ChallengeChoiceId, context.CancellationToken))
        {
            return new LoginReply { Status = V1.LoginStatus.ChallengeFailed };
        }

        var secret = request.Secret;
        if (policy.Keypad.Enabled)
        {
            if (await gate.Keypad(request.Tenant, request.KeypadId).ResolveAsync(request.Positions, context.CancellationToken) is not { } typed)
            {
                return new LoginReply { Status = V1.LoginStatus.KeypadRefused };
            }

            secret = typed;
        }

        var channel = request.AccessCodeChannel == V1.CodeChannel.Unspecified ? (Grains.Interfaces.Recovery.CodeChannel?)null : (Grains.Interfaces.Recovery.CodeChannel)(int)request.AccessCodeChannel;
        var result = await account.LoginAsync(secret, channel, origin, context.CancellationToken);
        metrics.SignIn(request.Tenant, isSecretStep: true, result.Status);
        if (result.Status is Grains.Interfaces.LoginStatus.InvalidCredentials or Grains.Interfaces.LoginStatus.LockedOut or Grains.Interfaces.LoginStatus.RecoveryRequired)
        {
            await gate.SignInWatch(request.Tenant).RecordFailureAsync(account.GetPrimaryKeyString(), origin.ClientIp, CancellationToken.None);
        }

        return ToReply(result, request.Tenant);
    }

    public override async Task<LoginReply> VerifyAccessCode(VerifyAccessCodeRequest request, ServerCallContext context)
    {
        var (account, origin, policy) = await gate.OpenMemberAsync(context, request.Tenant, request.Identifier, (violations, policy) =>
        {
            if (!RandomToken.IsWellFormed(request.AccessCodeFlowId))
            {
                violations.Add(new("access_code_flow_id", "must be the access_code_flow_id Login returned"));
            }

            if (policy is { SecondFactor: { Enabled: true, CodeLength: var length } } && (request.Code.Length != length || !request.Code.All(char.IsAsciiDigit)))
            {
                violations.Add(new("code", $"must be the {length} digits of the access code received"));
            }
        });
        if (!policy.SecondFactor.Enabled)
        {
            throw RpcErrors.Status(StatusCode.FailedPrecondition, $"Tenant '{request.Tenant}' asks for no access code: Login opens the session.");
        }

        var result = await account.VerifyAccessCodeAsync(request.AccessCodeFlowId, request.Code, origin, context.CancellationToken);
        metrics.SignIn(request.Tenant, isSecretStep: false, result.Status);
        return ToReply(result, request.Tenant);
    }

    public override async Task<Keypad> IssueKeypad(IssueKeypadRequest request, ServerCallContext context)
    {
        var policy = gate.OpenTenant(context, request.Tenant);
        if (!policy.Keypad.Enabled)
        {
            throw RpcErrors.Status(StatusCode.FailedPrecondition, $"Tenant '{request.Tenant}' takes the PIN itself, not keypad positions.");
        }

        var id = RandomToken.New();
        var issued = await gate.Keypad(request.Tenant, id).IssueAsync(policy.Keypad.Lifetime, context.CancellationToken);
        return new Keypad { KeypadId = id, Digits = { issued.Digits }, ExpiresAt = Timestamp.FromDateTimeOffset(issued.ExpiresAt) };
    }

    public override async Task<Challenge> IssueChallenge(IssueChallengeRequest request, ServerCallContext context)
    {
        var policy = gate.OpenTenant(context, request.Tenant).Challenge;
        if (!policy.Enabled)
        {
            throw RpcErrors.Status(StatusCode.FailedPrecondition, $"Tenant '{request.Tenant}' asks for no anti-robot challenge.");
        }

        // One picture per word, so exactly one choice matches.
        var pictures = policy.Pictures.DistinctBy(picture => picture.Value, StringComparer.OrdinalIgnoreCase).ToArray();
        RandomNumberGenerator.Shuffle(pictures.AsSpan());
        var shown = pictures.Take(policy.Choices).Select(picture => (ChoiceId: RandomToken.New(ChoiceIdBytes), Picture: picture.Key, Word: picture.Value)).ToArray();
        var answer = shown[RandomNumberGenerator.GetInt32(shown.Length)];
        var id = RandomToken.New();
        var expiresAt = await gate.Challenge(request.Tenant, id).IssueAsync(answer.ChoiceId, policy.Lifetime, context.CancellationToken);
        return new Challenge
        {
            ChallengeId = id,
            Word = answer.Word,
            Choices = { shown.Select(choice => new ChallengeChoice { ChoiceId = choice.ChoiceId, Picture = choice.Picture }) },
            ExpiresAt = Timestamp.FromDateTimeOffset(expiresAt),
        };
    }

    public override async Task<AcceptTermsReply> AcceptTerms(AcceptTermsRequest request, ServerCallContext context)
    {
        var (session, _, origin, _) = gate.OpenSession(context, request.Tenant, request.SessionToken, (violations, policy) =>
        {
            if (policy is not null && (policy.TermsVersion.Length == 0 || request.TermsVersion != policy.TermsVersion))
            {
                violations.Add(new("terms_version", policy.TermsVersion.Length == 0 ? "must be empty: this tenant has no terms to accept" : $"must be the current version '{policy.TermsVersion}'"));
            }
        });
        var validation = await session.ValidateAsync(context.CancellationToken);
        if (!validation.Valid)
        {
            throw RpcErrors.Status(StatusCode.FailedPrecondition, "The session has ended; the member signs in again.");
        }

        await gate.Account(validation.AccountKey!).AcceptTermsAsync(request.TermsVersion, origin, context.CancellationToken);
        return new AcceptTermsReply();
    }

    public override async Task<ValidateSessionReply> ValidateSession(ValidateSessionRequest request, ServerCallContext context)
    {
        var validation = await gate.OpenSession(context, request.Tenant, request.SessionToken).Session.ValidateAsync(context.CancellationToken);
        return validation.Valid
            ? new ValidateSessionReply { Valid = true, Identifier = validation.Identifier, ExpiresAt = Timestamp.FromDateTimeOffset(validation.ExpiresAt!.Value) }
            : new ValidateSessionReply { Valid = false };
    }

    public override async Task<LogoutReply> Logout(LogoutRequest request, ServerCallContext context)
    {
        var (session, sessionKey, origin, _) = gate.OpenSession(context, request.Tenant, request.SessionToken);
        if (await session.LogoutAsync(context.CancellationToken) is not { } accountKey)
        {
            return new LogoutReply { Ended = false };
        }

        await gate.Account(accountKey).RecordLogoutAsync(sessionKey, origin, CancellationToken.None);
        return new LogoutReply { Ended = true };
    }

    private static void CheckChallengeAnswer(LoginRequest request, TenantPolicy? policy, List<FieldViolation> violations)
    {
        if (policy is null)
        {
            return;
        }

        if (!policy.Challenge.Enabled)
        {
            if (request.ChallengeId.Length > 0 || request.ChallengeChoiceId.Length > 0)
            {
                violations.Add(new("challenge_id", "must be empty: this tenant asks for no anti-robot challenge"));
            }

            return;
        }

        if (!RandomToken.IsWellFormed(request.ChallengeId))
        {
            violations.Add(new("challenge_id", "must be the id IssueChallenge returned"));
        }

        if (request.ChallengeChoiceId.Length is 0 or > 16)
        {
            violations.Add(new("challenge_choice_id", "must be the choice_id of the picture clicked"));
        }
    }

    private static void CheckAccessCodeChannel(V1.CodeChannel channel, TenantPolicy? policy, List<FieldViolation> violations)
    {
        if (policy is null)
        {
            return;
        }

        if (!policy.SecondFactor.Enabled && channel != V1.CodeChannel.Unspecified)
        {
            violations.Add(new("access_code_channel", "must be UNSPECIFIED: this tenant sends no access code"));
        }
        else if (channel is not (V1.CodeChannel.Unspecified or V1.CodeChannel.Email or V1.CodeChannel.Sms))
        {
            violations.Add(new("access_code_channel", "must be UNSPECIFIED, EMAIL or SMS"));
        }
    }

    private static LoginReply ToReply(LoginResult result, string tenant) => result.Status switch
    {
        Grains.Interfaces.LoginStatus.Succeeded => new LoginReply
        {
            Status = V1.LoginStatus.Succeeded,
            SessionToken = result.Session!.Token,
            SessionExpiresAt = Timestamp.FromDateTimeOffset(result.Session.ExpiresAt),
            RenewalAdvised = result.RenewalAdvised,
            TermsVersionToAccept = result.TermsVersionToAccept ?? string.Empty,
        },
        Grains.Interfaces.LoginStatus.InvalidCredentials => WithRemaining(new LoginReply { Status = V1.LoginStatus.InvalidCredentials }, result.RemainingAttempts),
        Grains.Interfaces.LoginStatus.LockedOut => new LoginReply { Status = V1.LoginStatus.LockedOut, RetryAfter = Duration.FromTimeSpan(result.RetryAfter!.Value) },
        Grains.Interfaces.LoginStatus.RecoveryRequired => new LoginReply { Status = V1.LoginStatus.RecoveryRequired },
        Grains.Interfaces.LoginStatus.AccessCodeSent => new LoginReply
        {
            Status = V1.LoginStatus.AccessCodeSent,
            AccessCodeFlowId = result.AccessCode!.FlowId,
            AccessCodeChannel = (V1.CodeChannel)(int)result.AccessCode.Channel,
            MaskedDestination = result.AccessCode.MaskedDestination,
            AccessCodeExpiresAt = Timestamp.FromDateTimeOffset(result.AccessCode.ExpiresAt),
        },
        Grains.Interfaces.LoginStatus.AccessCodeExpired => new LoginReply { Status = V1.LoginStatus.AccessCodeExpired },
        Grains.Interfaces.LoginStatus.NoAccessCodeChannel => new LoginReply { Status = V1.LoginStatus.NoAccessCodeChannel },
        Grains.Interfaces.LoginStatus.UnknownTenant => throw RequestRules.TenantNotFound(tenant),
        _ => throw new InvalidOperationException($"Unmapped login status {result.Status}."),
    };

    private static LoginReply WithRemaining(LoginReply reply, int? remainingAttempts)
    {
        if (remainingAttempts is { } remaining)
        {
            reply.RemainingAttempts = remaining;
        }

        return reply;
    }
}
