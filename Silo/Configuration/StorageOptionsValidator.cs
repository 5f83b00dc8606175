using Microsoft.Extensions.Options;

namespace Sesame.Silo.Configuration;

/// <summary>Checks the storage settings at start, naming each bad one; a malformed connection string stops the host.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"{SesameSections.Storage}:Provider must be one of: {string.Join(", ", Enum.GetNames<StorageProvider>())}.");
        }

        var errors = options.Provider == StorageProvider.AzureTable ? options.AzureTable.Validate() : [];
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(error => $"{SesameSections.Storage}:{nameof(StorageOptions.AzureTable)}:{error}"));
    }
}
