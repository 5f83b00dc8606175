namespace Sesame.Grains.Interfaces;

/// <summary>Why a PIN is refused. Stable codes: portals show their own wording for each.</summary>
public enum PinViolation
{
    None = 0,

    /// <summary>Not exactly six ASCII digits.</summary>
    Format = 1,

    /// <summary>One digit repeated, or a repeated block such as 121212 or 123123.</summary>
    RepeatedDigits = 2,

    /// <summary>Digits that climb or fall by one, such as 123456 or 987654.</summary>
    SequentialDigits = 3,

    /// <summary>The member's birth date in a common six-digit form (DDMMYY, YYMMDD, MMDDYY, MMYYYY, YYYYMM).</summary>
    BirthDate = 4,
}
