using System.Globalization;

namespace Sesame.LoadTest.Members;

/// <summary>
/// Makes test members for the demo tenants' identifier kinds, unique per <see cref="Tag"/> (four capital letters, so
/// several seedings live side by side): issued identifiers for assu2000 and acs, member numbers for mnt, NIRs for
/// cpms, references for mes. Every member has a made-up NIR with a valid key, a birth date, a postal code and an
/// e-mail address at <see cref="EmailDomain"/>; one in ten of the PIN tenants' members is kept for lockouts.
/// </summary>
internal sealed class MemberGenerator(string tag, Random random)
{
    public const string EmailDomain = "loadtest.example.org";

    public static readonly IReadOnlyList<string> Tenants = ["assu2000", "acs", "cpms", "mnt", "mes"];

    private static readonly Dictionary<string, string> Departments = new(StringComparer.Ordinal)
    {
        ["assu2000"] = "69",
        ["acs"] = "33",
        ["cpms"] = "75",
        ["mnt"] = "31",
        ["mes"] = "13",
    };

    public string Tag { get; } = tag.Length == 4 && tag.All(char.IsAsciiLetterUpper) ? tag : throw new ArgumentException("A tag is four capital letters.", nameof(tag));

    /// <summary>A random tag.</summary>
    public static string NewTag(Random random) => string.Concat(Enumerable.Range(0, 4).Select(_ => (char)('A' + random.Next(26))));

    /// <summary>Whether <paramref name="tenant"/> takes a 6-digit PIN typed as digits, so wrong PINs can be typed on it.</summary>
    public static bool TakesTypedPin(string tenant) => tenant is "assu2000" or "acs";

    public TestMember Make(string tenant, int index)
    {
        if (!Departments.TryGetValue(tenant, out var department))
        {
            throw new ArgumentException($"Unknown tenant '{tenant}': {string.Join(", ", Tenants)}.", nameof(tenant));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 999_999);
        var number = TagNumber();
        var year = number % 100;
        var month = number / 100 % 12 + 1;
        var nir = Nir($"{number / 1200 % 2 + 1}{year:00}{month:00}{department}{index:000000}");
        var birthDate = new DateOnly(1900 + year, month, 15);
        var lower = Tag.ToLowerInvariant();
        var identifier = tenant switch
        {
            "cpms" => nir,
            "mnt" => $"7{number:000000}{index:000000}",
            "mes" => $"MES-{Tag}{index:0000000}",
            _ => $"LT{Tag}{index:0000000}",
        };
        return new TestMember
        {
            Tenant = tenant,
            Identifier = tenant == "mes" ? $"lt.{lower}.{index:0000000}" : identifier,
            Reference = identifier,
            Secret = tenant switch
            {
                "mnt" => $"Lt-{Tag}-{index:0000000}!",
                "mes" => $"Mes-{lower}-{index:0000000}!",
                _ => TestPins.New(birthDate, random),
            },
            BirthDate = birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Nir = nir,
            PostalCode = $"{department}000",
            Email = $"{tenant}.{lower}.{index:0000000}@{EmailDomain}",
            VitaleSerial = tenant == "mes" ? $"LT{Tag}{index:00000000}" : string.Empty,
            Role = TakesTypedPin(tenant) && index % 10 == 9 ? MemberRole.Lockout : MemberRole.Regular,
        };
    }

    private int TagNumber() => Tag.Aggregate(0, (sum, letter) => sum * 26 + (letter - 'A')) % 240_000;

    private static string Nir(string body) =>
        body + (97 - long.Parse(body, CultureInfo.InvariantCulture) % 97).ToString("00", CultureInfo.InvariantCulture);
}
