namespace Sesame.Grains.Notifications;

/// <summary>An Azure Communication Services connection string: <c>endpoint=https://{resource}.communication.azure.com/;accesskey={base64}</c>.</summary>
internal sealed class AcsConnectionString
{
    private AcsConnectionString(Uri endpoint, byte[] accessKey)
    {
        Endpoint = endpoint;
        AccessKey = accessKey;
    }

    /// <summary>The resource's endpoint: https, or http on the loopback interface (a local stand-in).</summary>
    public Uri Endpoint { get; }

    /// <summary>The access key, decoded: the HMAC key requests are signed with.</summary>
    public byte[] AccessKey { get; }

    /// <summary>Parses <paramref name="text"/>, or returns null with what is wrong; the key is never part of the error.</summary>
    public static AcsConnectionString? TryParse(string text, out string error)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = "must be name=value pairs separated by ';': endpoint=https://<resource>.communication.azure.com/;accesskey=<base64>.";
                return null;
            }

            parts[part[..equals]] = part[(equals + 1)..];
        }

        if (!parts.TryGetValue("endpoint", out var endpointText) || !Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint)
            || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))
            || endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
        {
            error = "must hold endpoint=https://<resource>.communication.azure.com/ (http only on the loopback interface).";
            return null;
        }

        var keyText = parts.GetValueOrDefault("accesskey") ?? string.Empty;
        var accessKey = new byte[keyText.Length];
        if (!Convert.TryFromBase64String(keyText, accessKey, out var keyLength) || keyLength == 0)
        {
            error = "must hold accesskey=<the resource's access key, base64>.";
            return null;
        }

        error = string.Empty;
        return new AcsConnectionString(endpoint, accessKey[..keyLength]);
    }
}
