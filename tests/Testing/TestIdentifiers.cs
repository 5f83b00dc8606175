using System.Globalization;

namespace Sesame.Testing;

/// <summary>Fresh identifiers of each kind, so every test has its own account.</summary>
public static class TestIdentifiers
{
    /// <summary>A valid social security number (NIR) nobody has: department 75, random commune and order, its key.</summary>
    public static string Nir()
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"1{Random.Shared.Next(40, 99)}{Random.Shared.Next(1, 13):00}75{Random.Shared.Next(1, 999):000}{Random.Shared.Next(1, 999):000}");
        return body + (97 - (long.Parse(body, CultureInfo.InvariantCulture) % 97)).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>An identifier of the kind <paramref name="tenant"/> uses among the demo tenants.</summary>
    public static string For(string tenant, string prefix = "T") => tenant switch
    {
        "cpms" => Nir(),
        "mnt" => $"{Random.Shared.NextInt64(10_000_000_000, 99_999_999_999)}",
        _ => $"{prefix}{Guid.NewGuid():N}"[..12],
    };
}
