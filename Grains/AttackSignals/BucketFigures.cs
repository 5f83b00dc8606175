namespace Sesame.Grains.AttackSignals;

/// <summary>One minute of a <see cref="FailureWindow"/>: refused sign-ins, and the accounts whose latest failure it holds.</summary>
internal readonly record struct BucketFigures(long Index, int Failures, int Accounts);
