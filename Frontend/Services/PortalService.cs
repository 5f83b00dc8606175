using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sesame.V1;

namespace Sesame.Frontend.Services;

/// <summary><c>sesame.v1.Portal</c>: what a portal needs to know about its tenant.</summary>
internal sealed class PortalService(AccountRequestGate gate) : Portal.PortalBase
{
    public override Task<TenantDescription> DescribeTenant(DescribeTenantRequest request, ServerCallContext context)
    {
        var policy = gate.OpenTenant(context, request.Tenant);
        return Task.FromResult(new TenantDescription
        {
            Tenant = request.Tenant,
            DisplayName = policy.DisplayName,
            MaxFailedAttempts = policy.Lockout.MaxFailedAttempts,
            LockoutDuration = Duration.FromTimeSpan(policy.Lockout.Duration),
            RevealsRemainingAttempts = policy.RevealRemainingAttempts,
            SecretKind = policy.Secret.Kind == Grains.Interfaces.Tenants.SecretKind.Pin ? V1.SecretKind.Pin : V1.SecretKind.Password,
            IdentifierKind = policy.Identifier switch
            {
                Grains.Interfaces.Tenants.IdentifierKind.Nir => V1.IdentifierKind.Nir,
                Grains.Interfaces.Tenants.IdentifierKind.MemberNumber => V1.IdentifierKind.MemberNumber,
                Grains.Interfaces.Tenants.IdentifierKind.ChosenIdentifier => V1.IdentifierKind.Chosen,
                _ => V1.IdentifierKind.Issued,
            },
            Keypad = policy.Keypad.Enabled,
            Challenge = policy.Challenge.Enabled,
            RecoveryChannels = { Channels(policy.Recovery) },
            TermsVersion = policy.TermsVersion,
            IdentifierRecovery = policy.IdentifierRecovery.Enabled,
            Activation = policy.Activation.Enabled,
            PrivacyPolicyVersion = policy.Activation.PrivacyPolicyVersion,
            SecondFactor = policy.SecondFactor.Enabled,
            PasswordRules = policy.Secret.Kind == Grains.Interfaces.Tenants.SecretKind.Password ? Rules(policy.Secret.Password) : null,
        });
    }

    private static IEnumerable<CodeChannel> Channels(Grains.Interfaces.Tenants.RecoveryPolicy recovery)
    {
        if (recovery.Email.Enabled)
        {
            yield return CodeChannel.Email;
        }

        if (recovery.Sms.Enabled)
        {
            yield return CodeChannel.Sms;
        }

        if (recovery.Letter.Enabled)
        {
            yield return CodeChannel.Letter;
        }
    }

    private static V1.PasswordRules Rules(Grains.Interfaces.Tenants.PasswordRules rules) => new()
    {
        MinLength = rules.MinLength,
        MaxLength = rules.MaxLength,
        RequireUppercase = rules.RequireUppercase,
        RequireLowercase = rules.RequireLowercase,
        RequireDigit = rules.RequireDigit,
        RequireSpecial = rules.RequireSpecial,
        ForbiddenCharacters = rules.ForbiddenCharacters,
    };
}
