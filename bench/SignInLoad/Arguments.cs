using System.Globalization;

namespace Sesame.SignInLoad;

/// <summary>A command line: the command, then <c>--name value</c> pairs.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> values;

    private Arguments(string command, Dictionary<string, string> values)
    {
        Command = command;
        this.values = values;
    }

    public string Command { get; }

    /// <summary>The servers, <c>--endpoints http://127.0.0.1:7170,http://127.0.0.1:7171</c>: account i goes to endpoint i mod their count.</summary>
    public IReadOnlyList<Uri> Endpoints =>
        Text("endpoints").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(endpoint => new Uri(endpoint)).ToArray();

    public static Arguments Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("The first argument is the command: import or signin.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 == args.Length)
            {
                throw new ArgumentException($"Expected --name value, found '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new Arguments(args[0], values);
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string Text(string name, string? fallback = null) =>
        values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required.");

    public int Number(string name, int? fallback = null)
    {
        var text = Text(name, fallback?.ToString(CultureInfo.InvariantCulture));
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new ArgumentException($"--{name} must be a whole number, not '{text}'.");
    }

    public TimeSpan Seconds(string name, double? fallback = null)
    {
        var text = Text(name, fallback?.ToString(CultureInfo.InvariantCulture));
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"--{name} must be a number of seconds, not '{text}'.");
    }
}
