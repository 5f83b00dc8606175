using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Sesame.Silo.Configuration;

/// <summary>Checks the storage settings at start, naming each bad one; a malformed connection string stops the host.</summary>
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
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

        if (!TableName().IsMatch(options.AzureTable.TableName))
        {
            errors.Add($"{AzureTable}:TableName '{options.AzureTable.TableName}' must be 3 to 63 letters and digits, starting with a letter.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// Whether the Azure SDK accepts <paramref name="connectionString"/>; on failure <paramref name="error"/> says what
    /// is wrong without quoting the account key. Two checks come first: <c>UseDevelopmentStorage</c> (Azurite) takes
    /// no other setting, which the SDK would ignore; an account key that is not base64 is named as such.
    /// </summary>
    private static bool TryParseConnectionString(string connectionString, out string error)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "The connection string is empty.";
            return false;
        }

        var settings = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(setting => setting.Split('=', 2, StringSplitOptions.TrimEntries))
            .ToArray();
        if (Array.Find(settings, setting => setting[0].Equals("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase)) is { } development
            && (settings.Length != 1 || development.Length != 2 || !development[1].Equals("true", StringComparison.OrdinalIgnoreCase)))
        {
            error = "UseDevelopmentStorage takes the value 'true' and no other setting.";
            return false;
        }

        if (Array.Find(settings, setting => setting[0].Equals("AccountKey", StringComparison.OrdinalIgnoreCase)) is { } key
            && (key.Length != 2 || key[1].Length == 0 || !Convert.TryFromBase64String(key[1], new byte[key[1].Length], out _)))
        {
            error = "The connection string needs an AccountKey in base64.";
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

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
