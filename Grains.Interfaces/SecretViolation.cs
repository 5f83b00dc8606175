namespace Sesame.Grains.Interfaces;

/// <summary>Why a PIN or password is refused. Stable codes: portals show their own wording for each.</summary>
[GenerateSerializer, Alias("sesame.SecretViolation")]
public enum SecretViolation
{
    None = 0,

    /// <summary>A PIN that is not exactly six ASCII digits.</summary>
    PinFormat = 1,

    /// <summary>One digit repeated, or a repeated block such as 121212 or 123123.</summary>
    RepeatedDigits = 2,

    /// <summary>Digits that climb or fall by one, such as 123456 or 987654.</summary>
    SequentialDigits = 3,

    /// <summary>The member's birth date in a common six-digit form (DDMMYY, YYMMDD, MMDDYY, MMYYYY, YYYYMM).</summary>
    BirthDate = 4,

    /// <summary>A password shorter than the tenant's minimum.</summary>
    TooShort = 5,

    /// <summary>A password longer than the tenant's maximum.</summary>
    TooLong = 6,

    MissingUppercase = 7,
    MissingLowercase = 8,
    MissingDigit = 9,

    /// <summary>No character other than a letter or a digit.</summary>
    MissingSpecial = 10,

    /// <summary>A character the tenant forbids (mnt: ' % \ _), a control character or a space.</summary>
    ForbiddenCharacter = 11,
}
