using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sesame.Grains.Protection;

namespace Sesame.Grains.Tests.Protection;

public sealed class AesGcmFieldProtectorTests
{
    private const string Purpose = "MemberAccountState.Email";
    private const string Email = "sophie.martin@courriel.fr";

    private static readonly string KeyOne = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyTwo = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Protect_Value_WritesVersionedFormatNamingTheKeyAndOpensBack()
    {
        var protector = CreateProtector(("k1", KeyOne));

        var sealedValue = protector.Protect(Purpose, Encoding.UTF8.GetBytes(Email));

        Assert.StartsWith("$sesame-aesgcm$v=1$k=k1$", sealedValue, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, sealedValue, StringComparison.Ordinal);
        Assert.Equal(Email, Encoding.UTF8.GetString(protector.Unprotect(Purpose, sealedValue)));
    }

    [Fact]
    public void Protect_SameValueTwice_SealsDifferently()
    {
        var protector = CreateProtector(("k1", KeyOne));

        var first = protector.Protect(Purpose, Encoding.UTF8.GetBytes(Email));
        var second = protector.Protect(Purpose, Encoding.UTF8.GetBytes(Email));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Unprotect_SealedWithOldKeyAfterRotation_OpensWhileTheKeyIsConfigured()
    {
        var sealedWithOld = CreateProtector(("k1", KeyOne)).Protect(Purpose, Encoding.UTF8.GetBytes(Email));
        var rotated = CreateProtector(("k2", KeyTwo), ("k1", KeyOne));

        var opened = rotated.Unprotect(Purpose, sealedWithOld);

        Assert.Equal(Email, Encoding.UTF8.GetString(opened));
        Assert.StartsWith("$sesame-aesgcm$v=1$k=k2$", rotated.Protect(Purpose, opened), StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_KeyNoLongerConfigured_FailsNamingTheKeyId()
    {
        var sealedWithOld = CreateProtector(("k1", KeyOne)).Protect(Purpose, Encoding.UTF8.GetBytes(Email));
        var withoutOld = CreateProtector(("k2", KeyTwo));

        var exception = Assert.ThrowsAny<CryptographicException>(() => withoutOld.Unprotect(Purpose, sealedWithOld));

        Assert.Contains("Sesame:Encryption:Keys:k1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_TamperedCiphertext_IsRefused()
    {
        var protector = CreateProtector(("k1", KeyOne));
        var sealedValue = protector.Protect(Purpose, Encoding.UTF8.GetBytes(Email));
        var separator = sealedValue.LastIndexOf('$');
        var bytes = Convert.FromBase64String(sealedValue[(separator + 1)..]);
        bytes[^20] ^= 0x01;
        var tampered = $"{sealedValue[..(separator + 1)]}{Convert.ToBase64String(bytes)}";

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(Purpose, tampered));
    }

    [Fact]
    public void Unprotect_ValueSealedForAnotherPurpose_IsRefused()
    {
        var protector = CreateProtector(("k1", KeyOne));
        var sealedValue = protector.Protect(Purpose, Encoding.UTF8.GetBytes(Email));

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("MemberAccountState.Mobile", sealedValue));
    }

    private static AesGcmFieldProtector CreateProtector(params (string Id, string Key)[] keys)
    {
        var options = new FieldEncryptionOptions { CurrentKeyId = keys[0].Id };
        foreach (var (id, key) in keys)
        {
            options.Keys[id] = key;
        }

        return new AesGcmFieldProtector(Options.Create(options));
    }
}
