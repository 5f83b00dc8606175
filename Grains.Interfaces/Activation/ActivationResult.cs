namespace Sesame.Grains.Interfaces.Activation;

/// <summary>The outcome of an activation step, with what the step tells when it is done.</summary>
/// <param name="Outcome">What happened.</param>
[GenerateSerializer, Immutable, Alias("sesame.ActivationResult")]
public sealed record ActivationResult([Id(0)] ActivationOutcome Outcome)
{
    public static ActivationResult Done { get; } = new(ActivationOutcome.Done);

    public static ActivationResult FlowNotFound { get; } = new(ActivationOutcome.FlowNotFound);

    public static ActivationResult Refused { get; } = new(ActivationOutcome.Refused);

    /// <summary>With <see cref="ActivationOutcome.StepMissing"/>: the step to do first.</summary>
    [Id(1)]
    public ActivationStep? MissingStep { get; init; }

    /// <summary>When the activation (identified), or the code just sent, stops working.</summary>
    [Id(2)]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The e-mail address on file, masked, for the member to check; null when there is none.</summary>
    [Id(3)]
    public string? MaskedEmail { get; init; }

    /// <summary>The mobile number on file, masked; null when there is none.</summary>
    [Id(4)]
    public string? MaskedMobile { get; init; }

    /// <summary>The identifier the member chose earlier (kept for life), or the one just chosen.</summary>
    [Id(5)]
    public string? Identifier { get; init; }

    /// <summary>With <see cref="ActivationOutcome.CardMismatch"/>: tries left; with <see cref="ActivationOutcome.TooSoon"/>: see <see cref="RetryAfter"/>.</summary>
    [Id(6)]
    public int? RemainingTries { get; init; }

    [Id(7)]
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Where a contact's code went, masked.</summary>
    [Id(8)]
    public string? MaskedDestination { get; init; }

    /// <summary>With <see cref="ActivationOutcome.SecretRejected"/>: the rules the password breaks.</summary>
    [Id(9)]
    public IReadOnlyList<SecretViolation> Violations { get; init; } = [];

    public static ActivationResult StepMissing(ActivationStep step) => new(ActivationOutcome.StepMissing) { MissingStep = step };
}
