namespace Sesame.Grains.Interfaces.Activation;

/// <summary>A Vitale card: its kind and the serial number printed on it. Only a keyed hash of the number is kept.</summary>
/// <param name="Kind">With or without a photo.</param>
/// <param name="SerialNumber">The serial number, normalised (<see cref="NormalizeSerialNumber"/>).</param>
[GenerateSerializer, Immutable, Alias("sesame.VitaleCard")]
public sealed record VitaleCard([Id(0)] VitaleCardKind Kind, [Id(1)] string SerialNumber)
{
    public const int MinSerialLength = 8;
    public const int MaxSerialLength = 20;

    /// <summary>The serial number without spaces, in upper case, if it is 8 to 20 letters or digits; otherwise null.</summary>
    public static string? NormalizeSerialNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var serial = value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return serial.Length is >= MinSerialLength and <= MaxSerialLength && serial.All(char.IsAsciiLetterOrDigit) ? serial : null;
    }
}
