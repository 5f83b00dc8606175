using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sesame.Grains.Hashing;

namespace Sesame.Grains.Tests.Hashing;

public sealed class GrainKeyDigestTests
{
    private const string Nir = "269054958815780";

    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Account_Identifier_IsTenantThenBase64UrlHmacSha256UnderTheSecret()
    {
        var keys = CreateKeys(Secret);

        var key = keys.Account("cpms", Nir);

        var expected = HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes($"account\0cpms\0{Nir}"));
        Assert.Equal($"cpms/{System.Buffers.Text.Base64Url.EncodeToString(expected)}", key);
        Assert.DoesNotContain(Nir, key, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_SameIdentifierTwice_SameKey()
    {
        Assert.Equal(CreateKeys(Secret).Account("cpms", Nir), CreateKeys(Secret).Account("cpms", Nir));
    }

    [Fact]
    public void Keys_SameIdentifierForAnotherTenantKindOrSecret_Differ()
    {
        var keys = CreateKeys(Secret);

        string[] all = [keys.Account("cpms", Nir), keys.Account("acs", Nir), keys.Alias("cpms", Nir), keys.UnclaimedAccount("cpms", Nir), CreateKeys(RandomNumberGenerator.GetBytes(32)).Account("cpms", Nir)];

        Assert.Equal(all.Length, all.Distinct(StringComparer.Ordinal).Count());
    }

    private static GrainKeyDigest CreateKeys(byte[] secret) =>
        new(Options.Create(new SecretHashingOptions { GrainKeySecret = Convert.ToBase64String(secret) }));
}
