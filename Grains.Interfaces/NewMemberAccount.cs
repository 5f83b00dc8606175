namespace Sesame.Grains.Interfaces;

/// <summary>What a back office supplies to create an account.</summary>
/// <param name="Secret">The first PIN or password, under the tenant's rules.</param>
/// <param name="BirthDate">The member's birth date, used to refuse PINs made of it.</param>
public sealed record NewMemberAccount(string Secret, DateOnly? BirthDate);
