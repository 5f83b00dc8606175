using Grpc.Core;
using Sesame.Frontend.Grpc;
using Sesame.Grains.Interfaces;

namespace Sesame.Frontend.Validation;

/// <summary>A refused PIN or password as the INVALID_ARGUMENT that ends the call, each violation worded.</summary>
internal static class SecretViolations
{
    public static RpcException ToRpcException(string field, IReadOnlyList<SecretViolation> violations) =>
        RpcErrors.InvalidArgument([.. violations.Select(violation => new FieldViolation(field, Describe(violation)))]);

    public static void AddTo(List<FieldViolation> target, string field, IReadOnlyList<SecretViolation> violations) =>
        target.AddRange(violations.Select(violation => new FieldViolation(field, Describe(violation))));

    private static string Describe(SecretViolation violation) => violation switch
    {
        SecretViolation.PinFormat => "must be exactly 6 digits",
        SecretViolation.RepeatedDigits => "must not repeat a digit or a block of digits",
        SecretViolation.SequentialDigits => "must not be a run of consecutive digits",
        SecretViolation.BirthDate => "must not be the member's birth date",
        SecretViolation.TooShort => "is shorter than the tenant's minimum length",
        SecretViolation.TooLong => "is longer than the tenant's maximum length",
        SecretViolation.MissingUppercase => "must hold an upper-case letter",
        SecretViolation.MissingLowercase => "must hold a lower-case letter",
        SecretViolation.MissingDigit => "must hold a digit",
        SecretViolation.MissingSpecial => "must hold a special character",
        SecretViolation.ForbiddenCharacter => "holds a character the tenant forbids, a space or a control character",
        _ => throw new InvalidOperationException($"Unmapped secret violation {violation}."),
    };
}
