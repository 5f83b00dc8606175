using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces;

namespace Sesame.Grains.Hashing;

/// <summary>
/// HMAC-SHA256 under the grain key secret, base64url. Each kind of key has its own purpose in the digest, so an
/// account, an alias and an unclaimed identifier never share a key. The tenant stays in clear as the prefix.
/// </summary>
internal sealed class GrainKeyDigest(IOptions<SecretHashingOptions> options) : IGrainKeys
{
    private readonly byte[] secret = Convert.FromBase64String(options.Value.GrainKeySecret);

    public string Account(string tenantId, string identifier) => Key("account", tenantId, identifier);

    public string Alias(string tenantId, string chosenIdentifier) => Key("alias", tenantId, chosenIdentifier);

    public string UnclaimedAccount(string tenantId, string chosenIdentifier) => Key("unclaimed", tenantId, chosenIdentifier);

    private string Key(string purpose, string tenantId, string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        var digest = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{purpose}\0{tenantId}\0{identifier}"));
        return MemberAccountKey.For(tenantId, Base64Url.EncodeToString(digest));
    }
}
