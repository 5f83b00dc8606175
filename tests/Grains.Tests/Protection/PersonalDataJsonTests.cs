using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sesame.Grains.Protection;

namespace Sesame.Grains.Tests.Protection;

public sealed class PersonalDataJsonTests
{
    private const string Email = "sophie.martin@courriel.fr";

    [Fact]
    public void Serialize_ProfileState_SealsEachPersonalFieldAndKeepsTheRestReadable()
    {
        var options = PersonalDataJson.Options(Protector("e1"));
        var state = new MemberProfileState { Identifier = "ZQ48KX72", Email = Email, PostalAddress = ["12 rue des Tanneurs"], NirDigest = "9c1f4e2ab07d" };

        var json = JsonSerializer.Serialize(state, options);
        var readBack = JsonSerializer.Deserialize<MemberProfileState>(json, options)!;

        Assert.DoesNotContain(Email, json, StringComparison.Ordinal);
        Assert.DoesNotContain("ZQ48KX72", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Tanneurs", json, StringComparison.Ordinal);
        Assert.Contains("\"Email\":\"$sesame-aesgcm$v=1$k=e1$", json, StringComparison.Ordinal);
        Assert.Contains("\"Mobile\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"NirDigest\":\"9c1f4e2ab07d\"", json, StringComparison.Ordinal);
        Assert.Equal((state.Identifier, state.Email, state.NirDigest), (readBack.Identifier, readBack.Email, readBack.NirDigest));
        Assert.Equal(state.PostalAddress, readBack.PostalAddress);
    }

    [Fact]
    public void Deserialize_StateStoredInClearBeforeEncryption_ReadsItAndSealsItOnTheNextWrite()
    {
        var options = PersonalDataJson.Options(Protector("e1"));
        const string Legacy = $$"""{"Identifier":"ZQ48KX72","Email":"{{Email}}","PostalAddress":["12 rue des Tanneurs"]}""";

        var state = JsonSerializer.Deserialize<MemberProfileState>(Legacy, options)!;
        var rewritten = JsonSerializer.Serialize(state, options);

        Assert.Equal(("ZQ48KX72", Email, "12 rue des Tanneurs"), (state.Identifier, state.Email, Assert.Single(state.PostalAddress)));
        Assert.DoesNotContain(Email, rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_FieldSealedWithAKeyNoLongerConfigured_FailsNamingTheFieldAndTheKey()
    {
        var json = JsonSerializer.Serialize(new MemberProfileState { Identifier = "ZQ48KX72" }, PersonalDataJson.Options(Protector("old")));

        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MemberProfileState>(json, PersonalDataJson.Options(Protector("new"))));

        Assert.Contains("MemberProfileState.Identifier", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Sesame:Encryption:Keys:old", exception.Message, StringComparison.Ordinal);
    }

    private static AesGcmFieldProtector Protector(string keyId) =>
        new(Options.Create(new FieldEncryptionOptions { Keys = { [keyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }, CurrentKeyId = keyId }));
}
