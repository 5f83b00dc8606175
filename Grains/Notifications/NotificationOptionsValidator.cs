using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Sesame.Grains.Notifications;

/// <summary>Checks the SMTP, SMS and per-channel delivery settings at start, naming each bad one; the password and the access key are never part of a message.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    private const string Section = "Sesame:Notifications:Smtp";
    private const string SmsSection = "Sesame:Notifications:Sms";

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var smtp = options.Smtp;
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(smtp, new ValidationContext(smtp), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(result => $"{Section}: {result.ErrorMessage}"));
        }

        foreach (var (channel, maxAttempts) in new[] { ("Email", options.Email.MaxAttempts), ("Sms", options.Sms.MaxAttempts), ("Letter", options.Letter.MaxAttempts) })
        {
            if (maxAttempts is < 1 or > 100)
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

        var sms = options.Sms;
        results.Clear();
        if (!Validator.TryValidateObject(sms, new ValidationContext(sms), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(result => $"{SmsSection}: {result.ErrorMessage}"));
        }

        if (sms.IsConfigured && AcsConnectionString.TryParse(sms.ConnectionString, out var error) is null)
        {
            failures.Add($"{SmsSection}:ConnectionString {error}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
