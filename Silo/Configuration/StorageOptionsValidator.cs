using System.ComponentModel.DataAnnotations;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Sesame.Silo.Configuration;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string AzureTable = $"{SesameSections.Storage}:{nameof(StorageOptions.AzureTable)}";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"{SesameSections.Storage}:Provider must be one of: {string.Join(", ", Enum.GetNames<StorageProvider>())}.");
        }

        if (options.Provider != StorageProvider.AzureTable)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!TryParseConnectionString(options.AzureTable.ConnectionString, out var error))
        {
            errors.Add($"{AzureTable}:ConnectionString is not a valid storage connection string: {error}");
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options.AzureTable, new ValidationContext(options.AzureTable), results, validateAllProperties: true))
        {
            errors.AddRange(results.Select(result => $"{AzureTable}:{result.ErrorMessage}"));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static bool TryParseConnectionString(string connectionString, out string error)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "it is empty.";
            return false;
        }

        try
        {
            _ = new TableServiceClient(connectionString);
            error = string.Empty;
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's messages name the missing part, never the key.
            error = exception.Message;
            return false;
        }
    }
}
