using Microsoft.Extensions.Compliance.Classification;

namespace Sesame.Grains.Interfaces.Telemetry;

/// <summary>Marks a logged value as <see cref="SesameDataClassifications.Correlatable"/>: logged as a keyed hash.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class CorrelatableDataAttribute() : DataClassificationAttribute(SesameDataClassifications.Correlatable);
