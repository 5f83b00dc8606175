namespace Sesame.Grains.Protection;

/// <summary>Marks a stored state property whose value is personal data: it is written encrypted (<see cref="PersonalDataJson"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class PersonalDataAttribute : Attribute;
