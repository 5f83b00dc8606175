using Microsoft.Extensions.Compliance.Classification;

namespace Sesame.Grains.Interfaces.Telemetry;

/// <summary>
/// How personal data is classified where it could reach a log: the redactor configured for each classification
/// decides what is written in its place.
/// </summary>
public static class SesameDataClassifications
{
    public const string TaxonomyName = "Sesame";

    /// <summary>Personal data no operator needs to see (identifiers, NIR, contacts, secrets, codes): erased.</summary>
    public static DataClassification Sensitive { get; } = new(TaxonomyName, nameof(Sensitive));

    /// <summary>Personal data an operator must correlate across events (client IP): replaced by a keyed hash.</summary>
    public static DataClassification Correlatable { get; } = new(TaxonomyName, nameof(Correlatable));
}
