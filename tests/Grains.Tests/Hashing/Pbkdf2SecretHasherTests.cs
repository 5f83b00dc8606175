using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sesame.Grains.Hashing;

namespace Sesame.Grains.Tests.Hashing;

public sealed class Pbkdf2SecretHasherTests
{
    private static readonly string PepperOne = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string PepperTwo = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Hash_Secret_WritesVersionedFormatWithParametersSaltAndHash()
    {
        var hasher = CreateHasher();

        var hash = hasher.Hash("482913");

        var parts = hash.Split('$');
        Assert.Equal(["", "sesame-pbkdf2-sha256", "v=1", "i=100000,k=k1"], parts[..4]);
        Assert.Equal(16, Convert.FromBase64String(parts[4]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[5]).Length);
        Assert.DoesNotContain("482913", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_SameSecretTwice_UsesDifferentSalts()
    {
        var hasher = CreateHasher();

        Assert.NotEqual(hasher.Hash("482913"), hasher.Hash("482913"));
    }

    [Fact]
    public void Verify_RightSecret_Success()
    {
        var hasher = CreateHasher();

        Assert.Equal(SecretVerificationResult.Success, hasher.Verify(hasher.Hash("482913"), "482913"));
    }

    [Fact]
    public void Verify_WrongSecret_Failed()
    {
        var hasher = CreateHasher();

        Assert.Equal(SecretVerificationResult.Failed, hasher.Verify(hasher.Hash("482913"), "482914"));
    }

    [Fact]
    public void Verify_HashMadeWithFewerIterations_SuccessRehashNeeded()
    {
        var hash = CreateHasher(iterations: 100_000).Hash("482913");

        var result = CreateHasher(iterations: 120_000).Verify(hash, "482913");

        Assert.Equal(SecretVerificationResult.SuccessRehashNeeded, result);
    }

    [Fact]
    public void Verify_HashMadeWithOlderPepper_SuccessRehashNeeded()
    {
        var hash = CreateHasher(currentPepper: "k1").Hash("482913");

        var result = CreateHasher(currentPepper: "k2").Verify(hash, "482913");

        Assert.Equal(SecretVerificationResult.SuccessRehashNeeded, result);
    }

    [Fact]
    public void Verify_PepperNoLongerConfigured_Failed()
    {
        var hash = CreateHasher(currentPepper: "k1").Hash("482913");
        var withoutK1 = new Pbkdf2SecretHasher(Options.Create(new SecretHashingOptions { Peppers = { ["k2"] = PepperTwo }, CurrentPepperId = "k2" }));

        Assert.Equal(SecretVerificationResult.Failed, withoutK1.Verify(hash, "482913"));
    }

    [Fact]
    public void Verify_SamePepperIdWithOtherKey_Failed()
    {
        var hash = CreateHasher().Hash("482913");
        var otherKey = new Pbkdf2SecretHasher(Options.Create(new SecretHashingOptions { Peppers = { ["k1"] = PepperTwo }, CurrentPepperId = "k1" }));

        Assert.Equal(SecretVerificationResult.Failed, otherKey.Verify(hash, "482913"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("482913")]
    [InlineData("$sesame-pbkdf2-sha256$v=2$i=100000,k=k1$AAAA$AAAA")]
    [InlineData("$sesame-pbkdf2-sha256$v=1$i=-5,k=k1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("$sesame-pbkdf2-sha256$v=1$i=100000,k=k1$not base64$AAAA")]
    [InlineData("$sesame-pbkdf2-sha256$v=1$i=100000,k=k1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA")]
    public void Verify_MalformedHash_Failed(string hash) =>
        Assert.Equal(SecretVerificationResult.Failed, CreateHasher().Verify(hash, "482913"));

    [Fact]
    public void VerifyDummy_AnySecret_Failed() =>
        Assert.Equal(SecretVerificationResult.Failed, CreateHasher().VerifyDummy("482913"));

    [Fact]
    public void Options_Defaults_ArePinned()
    {
        var options = new SecretHashingOptions();

        Assert.Equal(100_000, options.Iterations);
        Assert.Equal(16, options.SaltSize);
        Assert.Empty(options.Peppers);
        Assert.Equal(string.Empty, options.CurrentPepperId);
    }

    [Fact]
    public void Validator_ShortPepperOrUnknownCurrentId_FailsNamingTheSetting()
    {
        var validator = new SecretHashingOptionsValidator();
        var options = new SecretHashingOptions { Peppers = { ["k1"] = Convert.ToBase64String(new byte[8]) }, CurrentPepperId = "k9" };

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.Contains("Sesame:Hashing:CurrentPepperId", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.Contains("Sesame:Hashing:Peppers:k1", StringComparison.Ordinal));
    }

    private static Pbkdf2SecretHasher CreateHasher(int iterations = 100_000, string currentPepper = "k1") =>
        new(Options.Create(new SecretHashingOptions
        {
            Iterations = iterations,
            Peppers = { ["k1"] = PepperOne, ["k2"] = PepperTwo },
            CurrentPepperId = currentPepper,
        }));
}
