using System.Globalization;

namespace Sesame.LoadTest.Scenarios;

/// <summary>Wrong PINs a member types.</summary>
internal static class WrongPins
{
    /// <summary>A six-digit PIN other than <paramref name="pin"/> (any: a wrong PIN is never checked against the rules).</summary>
    public static string For(string pin)
    {
        while (true)
        {
            var wrong = Random.Shared.Next(1_000_000).ToString("000000", CultureInfo.InvariantCulture);
            if (wrong != pin)
            {
                return wrong;
            }
        }
    }
}
