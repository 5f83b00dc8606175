using Sesame.Grains.Interfaces.Notifications;

namespace Sesame.Grains.Tests.Notifications;

public sealed class FrenchDatesTests
{
    [Theory]
    [InlineData("2026-12-14T09:00:00Z", "14 décembre 2026 à 10 h 00")]
    [InlineData("2026-07-01T21:05:00Z", "1er juillet 2026 à 23 h 05")]
    [InlineData("2026-03-29T00:59:00Z", "29 mars 2026 à 1 h 59")]
    [InlineData("2026-03-29T01:00:00Z", "29 mars 2026 à 3 h 00")]
    [InlineData("2026-10-25T00:59:00Z", "25 octobre 2026 à 2 h 59")]
    [InlineData("2026-10-25T01:00:00Z", "25 octobre 2026 à 2 h 00")]
    [InlineData("2026-12-31T23:30:00Z", "1er janvier 2027 à 0 h 30")]
    public void DayAndTime_InstantAroundSummerTime_ParisTimeInFrench(string instant, string expected)
    {
        // Act
        var written = FrenchDates.DayAndTime(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(expected, written);
    }
}
