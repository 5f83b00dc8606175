using Microsoft.Extensions.Options;

namespace Sesame.Grains.Hashing;

/// <summary>Checks the pepper keys and the grain key secret: the current id names a pepper, and each key is base64 of at least 32 bytes.</summary>
internal sealed class SecretHashingOptionsValidator : IValidateOptions<SecretHashingOptions>
{
    private const int MinimumPepperBytes = 32;

    public ValidateOptionsResult Validate(string? name, SecretHashingOptions options)
    {
        var failures = new List<string>();
        if (!options.Peppers.ContainsKey(options.CurrentPepperId))
        {
            failures.Add($"Sesame:Hashing:CurrentPepperId '{options.CurrentPepperId}' must name a key of Sesame:Hashing:Peppers.");
        }

        if (options.LookupPepperId.Length > 0 && !options.Peppers.ContainsKey(options.LookupPepperId))
        {
            failures.Add($"Sesame:Hashing:LookupPepperId '{options.LookupPepperId}' must name a key of Sesame:Hashing:Peppers.");
        }

        foreach (var (id, value) in options.Peppers)
        {
            var bytes = new byte[value.Length];
            if (!Convert.TryFromBase64String(value, bytes, out var length) || length < MinimumPepperBytes)
            {
                failures.Add($"Sesame:Hashing:Peppers:{id} must be base64 of at least {MinimumPepperBytes} bytes.");
            }
        }

        var secret = new byte[options.GrainKeySecret.Length];
        if (!Convert.TryFromBase64String(options.GrainKeySecret, secret, out var secretLength) || secretLength < MinimumPepperBytes)
        {
            failures.Add($"Sesame:Hashing:GrainKeySecret must be base64 of at least {MinimumPepperBytes} bytes (a deployment secret, kept like the peppers).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
