using System.Globalization;

namespace Sesame.LoadTest.Members;

/// <summary>Test PINs the server takes: not one repeated digit or pattern, not a run, not a form of the birth date.</summary>
internal static class TestPins
{
    public static string New(DateOnly birthDate, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        string[] birthForms = [.. new[] { "ddMMyy", "yyMMdd", "MMddyy", "MMyyyy", "yyyyMM" }.Select(format => birthDate.ToString(format, CultureInfo.InvariantCulture))];
        while (true)
        {
            var pin = random.Next(1_000_000).ToString("000000", CultureInfo.InvariantCulture);
            if (pin.Distinct().Count() >= 4 && !"0123456789".Contains(pin, StringComparison.Ordinal) && !"9876543210".Contains(pin, StringComparison.Ordinal) && !birthForms.Contains(pin))
            {
                return pin;
            }
        }
    }

    /// <summary>A new PIN other than <paramref name="pin"/>.</summary>
    public static string Other(string pin, DateOnly birthDate, Random random)
    {
        while (true)
        {
            var other = New(birthDate, random);
            if (other != pin)
            {
                return other;
            }
        }
    }
}
