namespace Sesame.Grains.Interfaces.Notifications;

/// <summary>Dates as a French letter writes them ("Le 1er décembre 2026"), in metropolitan France's time.</summary>
public static class FrenchDates
{
    private static readonly string[] Months =
    [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ];

    /// <summary>
    /// The time in Paris. The EU rule (summer time from the last Sunday of March to the last Sunday of October, at
    /// 01:00 UTC) is computed rather than read from tzdata, which a slim Debian image lacks, and the host runs
    /// invariant-globalized.
    /// </summary>
    public static DateTimeOffset InParis(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var summerStarts = LastSundayOf(utc.Year, 3);
        var summerEnds = LastSundayOf(utc.Year, 10);
        var isSummer = utc >= summerStarts && utc < summerEnds;
        return utc.ToOffset(TimeSpan.FromHours(isSummer ? 2 : 1));
    }

    /// <summary>"30 novembre 2026", "1er décembre 2026".</summary>
    public static string Day(DateTimeOffset instant)
    {
        var local = InParis(instant);
        return $"{(local.Day == 1 ? "1er" : local.Day.ToString(System.Globalization.CultureInfo.InvariantCulture))} {Months[local.Month - 1]} {local.Year}";
    }

    /// <summary>"14 décembre 2026 à 10 h 00".</summary>
    public static string DayAndTime(DateTimeOffset instant)
    {
        var local = InParis(instant);
        return $"{Day(instant)} à {local.Hour} h {local.Minute:00}";
    }

    private static DateTimeOffset LastSundayOf(int year, int month)
    {
        var last = new DateTimeOffset(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, TimeSpan.Zero);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
