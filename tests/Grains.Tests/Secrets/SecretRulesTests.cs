using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Secrets;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Grains.Tests.Secrets;

public sealed class SecretRulesTests
{
    private static readonly DateOnly BirthDate = new(1985, 3, 14);
    private static readonly SecretPolicy PinPolicy = new();
    private static readonly SecretPolicy MntPolicy = new()
    {
        Kind = SecretKind.Password,
        Password = new PasswordRules { RequireLowercase = false, ForbiddenCharacters = "'%\\_" },
    };

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    [InlineData(" 48213")]
    public void Check_NotSixAsciiDigits_Format(string pin) => Assert.Equal([SecretViolation.PinFormat], SecretRules.Check(PinPolicy, pin, null));

    [Theory]
    [InlineData("000000")]
    [InlineData("777777")]
    [InlineData("121212")]
    [InlineData("123123")]
    [InlineData("909090")]
    public void Check_RepeatedDigits_Refused(string pin) => Assert.Equal([SecretViolation.RepeatedDigits], SecretRules.Check(PinPolicy, pin, null));

    [Theory]
    [InlineData("012345")]
    [InlineData("123456")]
    [InlineData("456789")]
    [InlineData("987654")]
    [InlineData("543210")]
    public void Check_SequentialDigits_Refused(string pin) => Assert.Equal([SecretViolation.SequentialDigits], SecretRules.Check(PinPolicy, pin, null));

    [Theory]
    [InlineData("140385")]
    [InlineData("850314")]
    [InlineData("031485")]
    [InlineData("031985")]
    [InlineData("198503")]
    public void Check_BirthDateForms_Refused(string pin) => Assert.Equal([SecretViolation.BirthDate], SecretRules.Check(PinPolicy, pin!, BirthDate));

    [Theory]
    [InlineData("482913")]
    [InlineData("140386")]
    [InlineData("305718")]
    public void Check_OrdinaryPin_Accepted(string pin) => Assert.Equal([], SecretRules.Check(PinPolicy, pin!, BirthDate));

    [Fact]
    public void Check_BirthDateFormWithoutKnownBirthDate_Accepted() => Assert.Empty(SecretRules.Check(PinPolicy, "140385", null));

    [Theory]
    [InlineData("Velo-Rouge-2026!")]
    [InlineData("MUTUELLE.2026.OK")]
    public void Check_PasswordWithDigitsSpecialsAndCapitals_Accepted(string password) => Assert.Empty(SecretRules.Check(MntPolicy, password, BirthDate));

    [Theory]
    [InlineData("Court-1!", SecretViolation.TooShort)]
    [InlineData("velo-rouge-2026!", SecretViolation.MissingUppercase)]
    [InlineData("Velo-Rouge-Deux!", SecretViolation.MissingDigit)]
    [InlineData("VeloRouge2026abc", SecretViolation.MissingSpecial)]
    [InlineData("Velo_Rouge-2026!", SecretViolation.ForbiddenCharacter)]
    [InlineData("Velo%Rouge-2026!", SecretViolation.ForbiddenCharacter)]
    [InlineData("Velo'Rouge-2026!", SecretViolation.ForbiddenCharacter)]
    [InlineData("Velo\\Rouge-2026!", SecretViolation.ForbiddenCharacter)]
    [InlineData("Velo Rouge-2026!", SecretViolation.ForbiddenCharacter)]
    public void Check_PasswordBreakingAnMntRule_NamesIt(string password, SecretViolation expected) =>
        Assert.Equal([expected], SecretRules.Check(MntPolicy, password, BirthDate));

    [Fact]
    public void Check_PasswordBreakingSeveralRules_NamesEach() =>
        Assert.Equal([SecretViolation.TooShort, SecretViolation.MissingUppercase, SecretViolation.MissingDigit, SecretViolation.ForbiddenCharacter], SecretRules.Check(MntPolicy, "velo_", null));

    [Fact]
    public void Check_PasswordTooLong_TooLong() =>
        Assert.Equal([SecretViolation.TooLong], SecretRules.Check(MntPolicy, "Aa1!" + new string('x', 200), null));
}
