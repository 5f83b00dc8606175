namespace Sesame.Grains.Interfaces;

/// <summary>
/// The French social security number (NIR): 13 characters and a 2-digit key, key = 97 − (number mod 97), where a
/// Corsican department 2A counts as 19 and 2B as 18.
/// </summary>
public static class Nir
{
    /// <summary>The purpose of a NIR's lookup key (a keyed hash the store finds members by, in place of the NIR).</summary>
    public const string LookupPurpose = "nir";

    public const int Length = 15;

    /// <summary>The NIR without spaces and in upper case, if it is well formed and its key matches; otherwise null.</summary>
    public static string? Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var nir = value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (nir.Length != Length || !IsDigits(nir[..5]) || !IsDigits(nir[7..]))
        {
            return null;
        }

        var department = nir[5..7];
        var numeric = department switch
        {
            "2A" => nir[..5] + "19" + nir[7..13],
            "2B" => nir[..5] + "18" + nir[7..13],
            _ when IsDigits(department) => nir[..13],
            _ => null,
        };
        if (numeric is null)
        {
            return null;
        }

        var key = 97 - (long.Parse(numeric, System.Globalization.CultureInfo.InvariantCulture) % 97);
        return key == int.Parse(nir[13..], System.Globalization.CultureInfo.InvariantCulture) ? nir : null;
    }

    private static bool IsDigits(string text) => text.All(char.IsAsciiDigit);
}
