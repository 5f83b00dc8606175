using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sesame.Frontend.Grpc;
using Sesame.Frontend.Validation;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Interfaces.Secrets;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.V1;

namespace Sesame.Frontend.Services;

/// <summary><c>sesame.v1.MemberActivation</c>: a member's space activated with a provisional code, and closed, for portals.</summary>
internal sealed class MemberActivationService(AccountRequestGate gate) : MemberActivation.MemberActivationBase
{
    private static readonly Dictionary<ActivationStep, string> StepNames = new()
    {
        [ActivationStep.Identified] = "Identify (\"Je m'identifie\")",
        [ActivationStep.CardChecked] = "CheckVitaleCard (\"Ma carte Vitale\")",
        [ActivationStep.Decided] = "Decide (\"Je prends ma décision\")",
        [ActivationStep.ContactsConfirmed] = "ConfirmContacts (\"Je vérifie mes coordonnées de contact\")",
    };

    public override async Task<IdentifyReply> Identify(IdentifyRequest request, ServerCallContext context)
    {
        string? nir = null;
        string? code = null;
        var (origin, policy) = gate.OpenTenant(context, request.Tenant, (violations, policy) =>
        {
            nir = RequestRules.CheckNir("nir", request.Nir, required: true, violations);
            code = RequestRules.CheckProvisionalCode("provisional_code", request.ProvisionalCode, policy?.Activation.ProvisionalCodeLength ?? new ActivationPolicy().ProvisionalCodeLength, violations);
        });
        RequireActivation(request.Tenant, policy);

        // Several members may share a NIR: each is offered the code.
        var activationId = RandomToken.New();
        foreach (var accountKey in await gate.Locator(request.Tenant).AccountsSharingNirAsync(nir!, context.CancellationToken))
        {
            var result = await gate.Space(accountKey).StartActivationAsync(code!, activationId, origin, context.CancellationToken);
            if (result.Outcome == ActivationOutcome.Done)
            {
                return new IdentifyReply { Status = IdentifyStatus.Identified, ActivationId = activationId, ExpiresAt = Timestamp.FromDateTimeOffset(result.ExpiresAt!.Value) };
            }
        }

        return new IdentifyReply { Status = IdentifyStatus.Refused };
    }

    public override async Task<CheckVitaleCardReply> CheckVitaleCard(CheckVitaleCardRequest request, ServerCallContext context)
    {
        string? serial = null;
        var (space, origin) = await OpenActivationAsync(context, request.Tenant, request.ActivationId, violations =>
        {
            if (request.CardKind is not (V1.VitaleCardKind.WithPhoto or V1.VitaleCardKind.WithoutPhoto))
            {
                violations.Add(new("card_kind", "must be WITH_PHOTO or WITHOUT_PHOTO"));
            }

            serial = RequestRules.CheckVitaleCardSerial("serial_number", request.SerialNumber, violations);
        });
        var card = new VitaleCard((Grains.Interfaces.Activation.VitaleCardKind)(int)request.CardKind, serial!);
        var result = await space.CheckVitaleCardAsync(request.ActivationId, card, origin, context.CancellationToken);
        return result.Outcome switch
        {
            ActivationOutcome.Done => new CheckVitaleCardReply(),
            ActivationOutcome.CardMismatch => throw RpcErrors.InvalidArgument([new("serial_number", $"does not match the member's Vitale card, whose kind and serial number are checked together ({result.RemainingTries} tries left)")]),
            ActivationOutcome.FlowEnded => throw RpcErrors.Status(StatusCode.FailedPrecondition, "The activation ended: too many Vitale cards did not match. Start again with Identify (\"Je m'identifie\")."),
            _ => throw Refusal(result),
        };
    }

    public override async Task<DecideReply> Decide(DecideRequest request, ServerCallContext context)
    {
        var (space, origin) = await OpenActivationAsync(context, request.Tenant, request.ActivationId, (violations, policy) =>
        {
            switch (request.Decision)
            {
                case V1.ActivationDecision.Activate:
                    RequireVersion("terms_version", request.TermsVersion, policy.TermsVersion, "terms of use", violations);
                    RequireVersion("privacy_policy_version", request.PrivacyPolicyVersion, policy.Activation.PrivacyPolicyVersion, "data protection policy", violations);
                    break;
                case V1.ActivationDecision.Oppose:
                    if (request.TermsVersion.Length > 0 || request.PrivacyPolicyVersion.Length > 0)
                    {
                        violations.Add(new("terms_version", "must be empty with OPPOSE: nothing is accepted"));
                    }

                    break;
                default:
                    violations.Add(new("decision", "must be ACTIVATE or OPPOSE"));
                    break;
            }
        });
        var decision = request.Decision == V1.ActivationDecision.Activate ? Grains.Interfaces.Activation.ActivationDecision.Activate : Grains.Interfaces.Activation.ActivationDecision.Oppose;
        var result = await space.DecideAsync(request.ActivationId, decision, request.TermsVersion, request.PrivacyPolicyVersion, origin, context.CancellationToken);
        return result.Outcome switch
        {
            ActivationOutcome.Opposed => new DecideReply { Status = DecideStatus.Opposed },
            ActivationOutcome.Done => new DecideReply
            {
                Status = DecideStatus.Activating,
                MaskedEmail = result.MaskedEmail ?? string.Empty,
                MaskedMobile = result.MaskedMobile ?? string.Empty,
                Identifier = result.Identifier ?? string.Empty,
            },
            _ => throw Refusal(result),
        };
    }

    public override async Task<ChangeContactReply> ChangeContact(ChangeContactRequest request, ServerCallContext context)
    {
        string? mobile = null;
        var (space, origin) = await OpenActivationAsync(context, request.Tenant, request.ActivationId, violations =>
        {
            if (request.HasEmail == request.HasMobile)
            {
                violations.Add(new("email", "exactly one of email and mobile must be given"));
            }
            else if (request.HasEmail)
            {
                RequestRules.CheckEmail("email", request.Email, violations);
            }
            else
            {
                mobile = RequestRules.CheckMobile("mobile", request.Mobile, violations);
            }
        });
        var channel = request.HasEmail ? Grains.Interfaces.Recovery.CodeChannel.Email : Grains.Interfaces.Recovery.CodeChannel.Sms;
        var result = await space.ChangeContactAsync(request.ActivationId, channel, request.HasEmail ? request.Email : mobile!, origin, context.CancellationToken);
        return result.Outcome switch
        {
            ActivationOutcome.Done => new ChangeContactReply
            {
                Status = ChangeContactStatus.CodeSent,
                Channel = (V1.CodeChannel)(int)channel,
                MaskedDestination = result.MaskedDestination!,
                CodeExpiresAt = Timestamp.FromDateTimeOffset(result.ExpiresAt!.Value),
            },
            ActivationOutcome.TooSoon => new ChangeContactReply { Status = ChangeContactStatus.TooSoon, Channel = (V1.CodeChannel)(int)channel, RetryAfter = Duration.FromTimeSpan(result.RetryAfter!.Value) },
            ActivationOutcome.ChannelNotOffered => throw RpcErrors.Status(StatusCode.FailedPrecondition, $"Tenant '{request.Tenant}' sends no code by {(request.HasEmail ? "e-mail" : "SMS")}."),
            _ => throw Refusal(result),
        };
    }

    public override async Task<VerifyContactReply> VerifyContact(VerifyContactRequest request, ServerCallContext context)
    {
        var (space, origin) = await OpenActivationAsync(context, request.Tenant, request.ActivationId, violations => RequestRules.CheckCode(request.Code, violations));
        var result = await space.VerifyContactAsync(request.ActivationId, request.Code, origin, context.CancellationToken);
        return result.Outcome switch
        {
            ActivationOutcome.Done => new VerifyContactReply { Status = VerifyContactStatus.Verified, MaskedEmail = result.MaskedEmail ?? string.Empty, MaskedMobile = result.MaskedMobile ?? string.Empty },
            ActivationOutcome.CodeRefused => new VerifyContactReply { Status = VerifyContactStatus.Refused },
            _ => throw Refusal(result),
        };
    }

    public override async Task<ConfirmContactsReply> ConfirmContacts(ConfirmContactsRequest request, ServerCallContext context)
    {
        var (space, origin) = await OpenActivationAsync(context, request.Tenant, request.ActivationId);
        var result = await space.ConfirmContactsAsync(request.ActivationId, origin, context.CancellationToken);
        return result.Outcome switch
        {
            ActivationOutcome.Done => new ConfirmContactsReply(),
            ActivationOutcome.NoContact => throw RpcErrors.Status(StatusCode.FailedPrecondition, "Step ConfirmContacts needs an e-mail address or a mobile number: every sign-in sends an access code to one. Add one with ChangeContact."),
            _ => throw Refusal(result),
        };
    }

    public override async Task<ChooseCredentialsReply> ChooseCredentials(ChooseCredentialsRequest request, ServerCallContext context)
    {
        var (space, origin) = await OpenActivationAsync(context, request.Tenant, request.ActivationId, (violations, policy) =>
        {
            RequestRules.CheckChosenIdentifier("identifier", request.Identifier, violations);
            SecretViolations.AddTo(violations, "password", SecretRules.Check(policy.Secret, request.Password, birthDate: null));
            if (request.Confirmation != request.Password)
            {
                violations.Add(new("confirmation", "must be the same as password"));
            }
        });
        var result = await space.ChooseCredentialsAsync(request.ActivationId, request.Identifier, request.Password, origin, context.CancellationToken);
        return result.Outcome switch
        {
            ActivationOutcome.Done => new ChooseCredentialsReply { Status = ChooseCredentialsStatus.Activated },
            ActivationOutcome.IdentifierTaken => new ChooseCredentialsReply { Status = ChooseCredentialsStatus.IdentifierTaken },
            ActivationOutcome.IdentifierFixed => throw RpcErrors.InvalidArgument([new("identifier", $"must be '{result.Identifier}', chosen at an earlier activation: an identifier is kept for good")]),
            ActivationOutcome.SecretRejected => throw SecretViolations.ToRpcException("password", result.Violations),
            _ => throw Refusal(result),
        };
    }

    public override async Task<CloseSpaceReply> CloseSpace(CloseSpaceRequest request, ServerCallContext context)
    {
        var (session, _, origin, policy) = gate.OpenSession(context, request.Tenant, request.SessionToken);
        RequireActivation(request.Tenant, policy);
        var validation = await session.ValidateAsync(context.CancellationToken);
        if (!validation.Valid || !await gate.Space(validation.AccountKey!).CloseAsync(origin, context.CancellationToken))
        {
            throw RpcErrors.Status(StatusCode.FailedPrecondition, "The session has ended, or the space is not active; nothing was closed.");
        }

        return new CloseSpaceReply();
    }

    private Task<(IMemberSpaceGrain Space, CallOrigin Origin)> OpenActivationAsync(ServerCallContext context, string tenant, string activationId, Action<List<FieldViolation>>? checkMore = null) =>
        OpenActivationAsync(context, tenant, activationId, (violations, _) => checkMore?.Invoke(violations));

    /// <summary>
    /// Passes the edge for a step of an activation, then finds its account's space; <paramref name="checkMore"/> adds the
    /// violations of the step's other fields, given the tenant's policy.
    /// </summary>
    private async Task<(IMemberSpaceGrain Space, CallOrigin Origin)> OpenActivationAsync(ServerCallContext context, string tenant, string activationId, Action<List<FieldViolation>, TenantPolicy> checkMore)
    {
        var (origin, policy) = gate.OpenTenant(context, tenant, (violations, policy) =>
        {
            if (!RandomToken.IsWellFormed(activationId))
            {
                violations.Add(new("activation_id", "must be the activation_id Identify returned"));
            }

            if (policy is not null)
            {
                checkMore(violations, policy);
            }
        });
        RequireActivation(tenant, policy);
        var accountKey = await gate.ActivationFlow(tenant, activationId).FindAccountAsync(context.CancellationToken)
            ?? throw Refusal(ActivationResult.FlowNotFound);
        return (gate.Space(accountKey), origin);
    }

    private static void RequireActivation(string tenant, TenantPolicy policy)
    {
        if (!policy.Activation.Enabled)
        {
            throw RpcErrors.Status(StatusCode.FailedPrecondition, $"Tenant '{tenant}' has no activation with a provisional code.");
        }
    }

    private static void RequireVersion(string field, string given, string current, string what, List<FieldViolation> violations)
    {
        if (given != current)
        {
            violations.Add(new(field, current.Length == 0 ? $"must be empty: this tenant has no {what} to accept" : $"must be the current {what}, '{current}'"));
        }
    }

    /// <summary>The error of a step that could not be taken: nothing was done.</summary>
    private static RpcException Refusal(ActivationResult result) => result.Outcome switch
    {
        ActivationOutcome.FlowNotFound => RpcErrors.Status(StatusCode.FailedPrecondition, "activation_id: no activation under way has this id (unknown, finished or expired). Start again with Identify (\"Je m'identifie\")."),
        ActivationOutcome.StepMissing => RpcErrors.Status(StatusCode.FailedPrecondition, $"Step {StepNames[result.MissingStep!.Value]} must be done first."),
        _ => throw new InvalidOperationException($"Unmapped activation outcome {result.Outcome}."),
    };
}
