using Microsoft.Extensions.Compliance.Classification;

namespace Sesame.Grains.Interfaces.Telemetry;

/// <summary>Marks a logged value as <see cref="SesameDataClassifications.Sensitive"/>: erased from the log.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SensitiveDataAttribute() : DataClassificationAttribute(SesameDataClassifications.Sensitive);
