using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Sesame.Grains.Notifications;

/// <summary>
/// Signs each attempt of a request with the resource's access key, as Azure Communication Services' HMAC scheme asks
/// (https://learn.microsoft.com/rest/api/communication/authentication#authentication-with-hmac):
/// <c>VERB \n path?query \n x-ms-date;host;x-ms-content-sha256</c>. It runs per retry, so each attempt carries its
/// own date and is not refused as stale after a long back-off.
/// </summary>
internal sealed class AcsHmacPolicy(byte[] accessKey, TimeProvider time) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        using var body = new MemoryStream();
        request.Content?.WriteTo(body, message.CancellationToken);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body.ToArray()));
        var date = time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        var uri = request.Uri.ToUri();
        var stringToSign = $"{request.Method.Method}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue("Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }
}
