using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Sesame.Storage.AzureTable.Client;

/// <summary>
/// Signs each attempt of a request with the account key, as the Table service's Shared Key scheme asks
/// (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key#table-service-shared-key-authorization):
/// <c>VERB \n Content-MD5 \n Content-Type \n x-ms-date \n /account/path</c>. It runs per retry, so each attempt is signed
/// with its own date. None of the client's requests carries <c>comp</c>, the one query parameter the resource would include.
/// </summary>
internal sealed class SharedKeyPolicy(string accountName, byte[] accountKey, TimeProvider time) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);
        request.Headers.TryGetValue("Content-MD5", out var contentMd5);
        request.Headers.TryGetValue("Content-Type", out var contentType);
        var stringToSign = string.Join(
            '\n',
            request.Method.Method,
            contentMd5 ?? string.Empty,
            contentType ?? string.Empty,
            date,
            $"/{accountName}{request.Uri.ToUri().AbsolutePath}");
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.SetValue("Authorization", $"SharedKey {accountName}:{signature}");
    }
}
