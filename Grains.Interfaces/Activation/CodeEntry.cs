namespace Sesame.Grains.Interfaces.Activation;

/// <summary>What a member's space found of a one-time code entered, for the account's budget of wrong codes.</summary>
[GenerateSerializer, Alias("sesame.CodeEntry")]
public enum CodeEntry
{
    /// <summary>The code is the live one.</summary>
    Right = 1,

    /// <summary>The code is not the live one: it counts on the budget.</summary>
    Wrong = 2,

    /// <summary>The code is past its end or out of tries: it is dropped.</summary>
    Expired = 3,
}
