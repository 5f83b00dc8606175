using Microsoft.Extensions.Options;

namespace Sesame.Grains.Protection;

/// <summary>Checks the encryption keys: the current id names one, and each is base64 of exactly 32 bytes under an id without '$'.</summary>
internal sealed class FieldEncryptionOptionsValidator : IValidateOptions<FieldEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, FieldEncryptionOptions options)
    {
        var failures = new List<string>();
        if (options.Keys.Count == 0)
        {
            failures.Add("Sesame:Encryption:Keys and Sesame:Encryption:CurrentKeyId are required: the key that encrypts personal data in the store (base64 of 32 bytes), kept like the peppers.");
        }
        else if (!options.Keys.ContainsKey(options.CurrentKeyId))
        {
            failures.Add($"Sesame:Encryption:CurrentKeyId '{options.CurrentKeyId}' must name a key of Sesame:Encryption:Keys.");
        }

        foreach (var (id, value) in options.Keys)
        {
            var bytes = new byte[value.Length];
            if (id.Contains('$', StringComparison.Ordinal) || !Convert.TryFromBase64String(value, bytes, out var length) || length != FieldEncryptionOptions.KeySize)
            {
                failures.Add($"Sesame:Encryption:Keys:{id} must be base64 of exactly {FieldEncryptionOptions.KeySize} bytes, under an id without '$'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
