using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Sesame.Grains.Notifications;

/// <summary>Checks the SMTP and per-channel settings at start, naming each bad one; the password is never part of a message.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    private const string Section = "Sesame:Notifications:Smtp";

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var smtp = options.Smtp;
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(smtp, new ValidationContext(smtp), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(result => $"{Section}: {result.ErrorMessage}"));
        }

        foreach (var (channel, delivery) in new[] { ("Email", options.Email), ("Sms", options.Sms), ("Letter", options.Letter) })
        {
            if (delivery.MaxAttempts is < 1 or > 100)
            {
                failures.Add($"Sesame:Notifications:{channel}:MaxAttempts must be between 1 and 100.");
            }
        }

        if (!Enum.IsDefined(smtp.Security))
        {
            failures.Add($"{Section}:Security must be one of: {string.Join(", ", Enum.GetNames<SmtpSecurity>())}.");
        }

        if (smtp.IsConfigured && Uri.CheckHostName(smtp.Host) == UriHostNameType.Unknown)
        {
            failures.Add($"{Section}:Host must be a host name or an IP address, such as smtp.azurecomm.net or 127.0.0.1.");
        }

        if ((smtp.UserName.Length > 0) != (smtp.Password.Length > 0))
        {
            failures.Add($"{Section}:UserName and {Section}:Password go together: set both to authenticate, or neither.");
        }

        if (smtp.UserName.Length > 0 && smtp.Security == SmtpSecurity.None)
        {
            failures.Add($"{Section}:Security must be StartTls or Tls with a UserName: with None the password would travel in clear.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
