namespace Sesame.Grains.Interfaces;

/// <summary>What a back office supplies to create an account.</summary>
/// <param name="Pin">The first PIN: six digits, not weak.</param>
/// <param name="BirthDate">The member's birth date, used to refuse PINs made of it.</param>
public sealed record NewMemberAccount(string Pin, DateOnly? BirthDate);
