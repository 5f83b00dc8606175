using System.Diagnostics.CodeAnalysis;

namespace Sesame.Storage.AzureTable.Client;

/// <summary>
/// A storage account connection string, as the Azure portal and Azurite write them: <c>UseDevelopmentStorage=true</c>,
/// or <c>DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…</c> with an optional <c>TableEndpoint</c> or
/// <c>EndpointSuffix</c>. Only account-key (SharedKey) authorization is supported.
/// </summary>
public sealed class TableConnectionString
{
    /// <summary>Azurite's well-known development account (https://learn.microsoft.com/azure/storage/common/storage-use-azurite).</summary>
    private const string DevelopmentAccountName = "devstoreaccount1";

    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly HashSet<string> IgnoredSettings = new(StringComparer.OrdinalIgnoreCase) { "BlobEndpoint", "QueueEndpoint", "FileEndpoint" };

    private TableConnectionString(string accountName, byte[] accountKey, Uri tableEndpoint)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        TableEndpoint = tableEndpoint;
    }

    public string AccountName { get; }

    public Uri TableEndpoint { get; }

    internal byte[] AccountKey { get; }

    /// <summary>Parses <paramref name="text"/>, or throws a <see cref="FormatException"/> that says what is wrong without echoing the key.</summary>
    public static TableConnectionString Parse(string? text) =>
        TryParse(text, out var parsed, out var error) ? parsed : throw new FormatException(error);

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong, never quoting the account key.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TableConnectionString? connectionString, [NotNullWhen(false)] out string? error)
    {
        connectionString = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The connection string is empty.";
            return false;
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = "The connection string must be a list of Name=Value settings separated by ';'.";
                return false;
            }

            if (!settings.TryAdd(part[..equals].Trim(), part[(equals + 1)..].Trim()))
            {
                error = $"The connection string sets '{part[..equals].Trim()}' twice.";
                return false;
            }
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            return TryParseDevelopment(settings, development, out connectionString, out error);
        }

        return TryParseAccount(settings, out connectionString, out error);
    }

    private static bool TryParseDevelopment(Dictionary<string, string> settings, string value, out TableConnectionString? connectionString, out string? error)
    {
        connectionString = null;
        if (!string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || settings.Count != 1)
        {
            error = "UseDevelopmentStorage takes the value 'true' and no other setting.";
            return false;
        }

        error = null;
        connectionString = new(DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey), new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"));
        return true;
    }

    private static bool TryParseAccount(Dictionary<string, string> settings, out TableConnectionString? connectionString, out string? error)
    {
        connectionString = null;
        string[] known = ["DefaultEndpointsProtocol", "AccountName", "AccountKey", "TableEndpoint", "EndpointSuffix"];
        var unknown = settings.Keys.Where(name => !known.Contains(name, StringComparer.OrdinalIgnoreCase) && !IgnoredSettings.Contains(name)).ToArray();
        if (unknown.Length > 0)
        {
            error = unknown.Any(name => name.Equals("SharedAccessSignature", StringComparison.OrdinalIgnoreCase))
                ? "SharedAccessSignature is not supported: give AccountName and AccountKey."
                : $"The connection string has unknown settings: {string.Join(", ", unknown)}.";
            return false;
        }

        if (!settings.TryGetValue("AccountName", out var accountName) || accountName.Length == 0)
        {
            error = "The connection string has no AccountName.";
            return false;
        }

        if (!settings.TryGetValue("AccountKey", out var key) || !TryDecodeKey(key, out var accountKey))
        {
            error = "The connection string needs an AccountKey in base64.";
            return false;
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
        {
            error = "DefaultEndpointsProtocol must be http or https.";
            return false;
        }

        var endpoint = settings.TryGetValue("TableEndpoint", out var explicitEndpoint)
            ? explicitEndpoint
            : $"{protocol}://{accountName}.table.{settings.GetValueOrDefault("EndpointSuffix", "core.windows.net")}";
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var tableEndpoint) || tableEndpoint.Scheme is not ("http" or "https") || tableEndpoint.Query.Length > 0)
        {
            error = "TableEndpoint must be an absolute http or https URI without a query.";
            return false;
        }

        error = null;
        connectionString = new(accountName, accountKey, tableEndpoint);
        return true;
    }

    private static bool TryDecodeKey(string key, out byte[] accountKey)
    {
        var buffer = new byte[key.Length];
        var decoded = Convert.TryFromBase64String(key, buffer, out var written) && written > 0;
        accountKey = buffer[..written];
        return decoded;
    }
}
