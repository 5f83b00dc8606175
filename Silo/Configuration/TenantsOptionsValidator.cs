using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Sesame.Silo.Configuration;

/// <summary>Checks every tenant id and policy, so a bad policy stops the host at start with a message naming it.</summary>
internal sealed class TenantsOptionsValidator : IValidateOptions<TenantsOptions>
{
    public ValidateOptionsResult Validate(string? name, TenantsOptions options)
    {
        var failures = new List<string>();
        if (options.Count == 0)
        {
            failures.Add($"No tenant is configured: add one under {SesameSections.Tenants}, or turn {SesameSections.Demo}:Enabled on.");
        }

        foreach (var (id, policy) in options)
        {
            if (id.Length is 0 or > 32 || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                failures.Add($"Tenant id '{id}' must be 1 to 32 lower-case letters, digits or '-'.");
            }

            var recovery = policy.Recovery;
            foreach (var target in new object[] { policy, policy.Lockout, policy.Keypad, policy.Sessions, policy.Secret, policy.Secret.Password, policy.Challenge, recovery, recovery.Email, recovery.Sms, recovery.Letter, policy.IdentifierRecovery, policy.Activation, policy.SecondFactor, policy.Email, policy.Sms })
            {
                var results = new List<ValidationResult>();
                if (!Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true))
                {
                    failures.AddRange(results.Select(result => $"{SesameSections.Tenants}:{id}: {result.ErrorMessage}"));
                }
            }
        }

        foreach (var (id, policy) in options)
        {
            var sender = policy.Email;
            if (sender.FromAddress.Length > 0 && !(System.Net.Mail.MailAddress.TryCreate(sender.FromAddress, out var address) && address.Address == sender.FromAddress && address.DisplayName.Length == 0))
            {
                failures.Add($"{SesameSections.Tenants}:{id}:Email:FromAddress must be an e-mail address alone, such as no-reply@example.fr (the name goes in FromName).");
            }

            if (sender.FromName.Any(char.IsControl))
            {
                failures.Add($"{SesameSections.Tenants}:{id}:Email:FromName must be one line of text.");
            }

            if (policy.Sms.SenderId.Length > 0 && !Grains.Interfaces.Tenants.SmsPolicy.IsValidSenderId(policy.Sms.SenderId))
            {
                failures.Add($"{SesameSections.Tenants}:{id}:Sms:SenderId must be an alphanumeric sender id (1 to 11 letters, digits or spaces, at least one letter, such as MNT) or a number in E.164 (such as +33612345678).");
            }
        }

        foreach (var (id, _) in options.Where(pair => pair.Value.Identifier == Grains.Interfaces.Tenants.IdentifierKind.Nir && pair.Value.IdentifierRecovery.Enabled))
        {
            failures.Add($"{SesameSections.Tenants}:{id}:IdentifierRecovery:Enabled must be false: the identifier is the NIR, which is never sent by e-mail.");
        }

        foreach (var (id, policy) in options)
        {
            var chosen = policy.Identifier == Grains.Interfaces.Tenants.IdentifierKind.ChosenIdentifier;
            if (chosen != policy.Activation.Enabled)
            {
                failures.Add(chosen
                    ? $"{SesameSections.Tenants}:{id}:Activation:Enabled must be true with Identifier ChosenIdentifier: members choose their identifier when they activate their space."
                    : $"{SesameSections.Tenants}:{id}:Identifier must be ChosenIdentifier with Activation:Enabled: members sign in with the identifier they choose at activation.");
            }

            if (policy.Activation.Enabled && policy.Keypad.Enabled)
            {
                failures.Add($"{SesameSections.Tenants}:{id}:Keypad:Enabled must be false with Activation:Enabled: the member types the chosen password itself.");
            }
        }

        foreach (var (id, policy) in options.Where(pair => pair.Value.Challenge.Enabled))
        {
            var words = policy.Challenge.Pictures.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count();
            if (words < policy.Challenge.Choices)
            {
                failures.Add($"{SesameSections.Tenants}:{id}:Challenge:Pictures must hold at least {policy.Challenge.Choices} pictures with distinct words (Choices); it has {words}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
