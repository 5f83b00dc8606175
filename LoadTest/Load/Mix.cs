using System.Globalization;
using Sesame.LoadTest.Scenarios;

namespace Sesame.LoadTest.Load;

/// <summary>
/// A weighted list of scenarios, one per line: <c>NAME WEIGHT</c>, <c>#</c> starting a comment. Each arriving member
/// plays a scenario drawn with these weights.
/// </summary>
internal sealed class Mix
{
    /// <summary>
    /// A Monday morning: mostly members signing in and reading pages (each page validates the session), a few typos,
    /// forgotten PINs and identifiers, and a few accounts hammered up to a lockout.
    /// </summary>
    public const string MondayMorning = """
        # A Monday morning: mostly sign-ins and the pages after them (each page validates the session).
        pin-signin           40
        keypad-signin        15
        challenge-signin     10
        mes-access-code      10
        typo-then-signin      8
        identifier-recovery   7
        forgot-pin            6
        wrong-pins-lockout    4
        """;

    private readonly double[] cumulative;

    public Mix(IReadOnlyList<(IScenario Scenario, double Weight)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0 || entries.Sum(entry => entry.Weight) <= 0)
        {
            throw new FormatException("A mix needs at least one scenario with a weight above 0.");
        }

        Entries = entries;
        var sum = 0.0;
        cumulative = [.. entries.Select(entry => sum += entry.Weight)];
    }

    public IReadOnlyList<(IScenario Scenario, double Weight)> Entries { get; }

    public static Mix Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<(IScenario, double)>();
        foreach (var (line, number) in text.Split('\n').Select((line, index) => (line, index + 1)))
        {
            var content = line.Split('#', 2)[0].Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var parts = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new FormatException($"Line {number}: expected 'scenario weight', found '{content}'.");
            }

            var scenario = ScenarioCatalog.Find(parts[0])
                ?? throw new FormatException($"Line {number}: unknown scenario '{parts[0]}' ({string.Join(", ", ScenarioCatalog.All.Select(known => known.Name))}).");
            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight < 0 || !double.IsFinite(weight))
            {
                throw new FormatException($"Line {number}: the weight of {parts[0]} must be a number ≥ 0, not '{parts[1]}'.");
            }

            if (entries.Any(entry => entry.Item1 == scenario))
            {
                throw new FormatException($"Line {number}: {parts[0]} is listed twice.");
            }

            entries.Add((scenario, weight));
        }

        return new Mix(entries);
    }

    /// <summary>This mix without the scenarios <paramref name="leaveOut"/> says, or null when none is left.</summary>
    public Mix? Without(Func<IScenario, bool> leaveOut)
    {
        var kept = Entries.Where(entry => !leaveOut(entry.Scenario) && entry.Weight > 0).ToList();
        return kept.Count == 0 ? null : new Mix(kept);
    }

    /// <summary>The scenario for a draw <paramref name="uniform"/> in [0, 1).</summary>
    public IScenario Pick(double uniform)
    {
        var target = uniform * cumulative[^1];
        var index = Array.FindIndex(cumulative, bound => target < bound);
        return Entries[index < 0 ? Entries.Count - 1 : index].Scenario;
    }

    /// <summary>Each scenario's share of arrivals.</summary>
    public IEnumerable<(string Name, double Share)> Shares() => Entries.Select(entry => (entry.Scenario.Name, entry.Weight / cumulative[^1]));
}
