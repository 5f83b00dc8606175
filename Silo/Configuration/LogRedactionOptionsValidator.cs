using Microsoft.Extensions.Options;

namespace Sesame.Silo.Configuration;

/// <summary>Checks the log hashing key at start: base64 of at least 32 bytes, never shown in the message.</summary>
internal sealed class LogRedactionOptionsValidator : IValidateOptions<LogRedactionOptions>
{
    public ValidateOptionsResult Validate(string? name, LogRedactionOptions options)
    {
        var failures = new List<string>();
        var key = new byte[options.HmacKey.Length];
        if (!Convert.TryFromBase64String(options.HmacKey, key, out var length) || length < LogRedactionOptions.MinimumKeyBytes)
        {
            failures.Add($"{SesameSections.LogRedaction}:HmacKey must be base64 of at least {LogRedactionOptions.MinimumKeyBytes} bytes (a deployment secret, the same on every silo, kept like the peppers); it is required with durable storage.");
        }

        if (options.HmacKeyId < 0)
        {
            failures.Add($"{SesameSections.LogRedaction}:HmacKeyId must be 0 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
