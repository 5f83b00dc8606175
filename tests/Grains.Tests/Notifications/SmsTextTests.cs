using Sesame.Grains.Notifications;

namespace Sesame.Grains.Tests.Notifications;

/// <summary>SMS lengths as GSM 03.38 counts them.</summary>
public sealed class SmsTextTests
{
    [Fact]
    public void Length_FrenchAccentsOfTheBasicSet_OneEachInGsm7()
    {
        const string Text = "éèàùìòÉÇ Ü ä";

        Assert.True(SmsText.IsGsm7(Text));
        Assert.Equal(Text.Length, SmsText.Length(Text));
    }

    [Fact]
    public void Length_ExtensionCharacters_TwoEach()
    {
        Assert.True(SmsText.IsGsm7("5 € [x]"));
        Assert.Equal(10, SmsText.Length("5 € [x]"));
    }

    [Theory]
    [InlineData("ê")]
    [InlineData("â")]
    [InlineData("î")]
    [InlineData("ô")]
    [InlineData("û")]
    [InlineData("ç")]
    [InlineData("’")]
    public void IsGsm7_CharacterOutsideGsm7_FalseAndLimitedTo70(string character)
    {
        var text = $"Votre code {character}";

        Assert.False(SmsText.IsGsm7(text));
        Assert.Equal(70, SmsText.LimitFor(text, 160));
    }

    [Fact]
    public void Length_TextEndingWithAnExtensionCharacter_OverTheLimitOneCharacterEarlier()
    {
        Assert.Equal(160, SmsText.Length(new string('a', 158) + "€"));
        Assert.Equal(161, SmsText.Length(new string('a', 159) + "€"));
        Assert.Equal(160, SmsText.LimitFor(new string('a', 159) + "€", 160));
    }
}
