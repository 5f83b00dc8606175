using Sesame.Grains.Interfaces;
using Sesame.Grains.Pins;

namespace Sesame.Grains.Tests.Pins;

public sealed class PinRulesTests
{
    private static readonly DateOnly BirthDate = new(1985, 3, 14);

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    [InlineData(" 48213")]
    public void Check_NotSixAsciiDigits_Format(string pin) => Assert.Equal(PinViolation.Format, PinRules.Check(pin, null));

    [Fact]
    public void Check_Null_Format() => Assert.Equal(PinViolation.Format, PinRules.Check(null, null));

    [Theory]
    [InlineData("000000")]
    [InlineData("777777")]
    [InlineData("121212")]
    [InlineData("123123")]
    [InlineData("909090")]
    public void Check_RepeatedDigits_Refused(string pin) => Assert.Equal(PinViolation.RepeatedDigits, PinRules.Check(pin, null));

    [Theory]
    [InlineData("012345")]
    [InlineData("123456")]
    [InlineData("456789")]
    [InlineData("987654")]
    [InlineData("543210")]
    public void Check_SequentialDigits_Refused(string pin) => Assert.Equal(PinViolation.SequentialDigits, PinRules.Check(pin, null));

    [Theory]
    [InlineData("140385")]
    [InlineData("850314")]
    [InlineData("031485")]
    [InlineData("031985")]
    [InlineData("198503")]
    public void Check_BirthDateForms_Refused(string pin) => Assert.Equal(PinViolation.BirthDate, PinRules.Check(pin, BirthDate));

    [Theory]
    [InlineData("482913")]
    [InlineData("140386")]
    [InlineData("305718")]
    public void Check_OrdinaryPin_Accepted(string pin) => Assert.Equal(PinViolation.None, PinRules.Check(pin, BirthDate));

    [Fact]
    public void Check_BirthDateFormWithoutKnownBirthDate_Accepted() => Assert.Equal(PinViolation.None, PinRules.Check("140385", null));
}
