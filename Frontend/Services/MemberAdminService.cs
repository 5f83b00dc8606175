using Google.Protobuf.WellKnownTypes;
using Sesame.Frontend.Security;
using Sesame.Frontend.Validation;
using Sesame.Grains.Interfaces;
using Sesame.Grpc;
using Sesame.V1;

namespace Sesame.Frontend.Services;

/// <summary><c>sesame.v1.MemberAdmin</c>: back-office operations on members.</summary>
internal sealed class MemberAdminService(AccountRequestGate gate, TimeProvider time)
{
    public async Task<CreateMemberReply> CreateMemberAsync(CreateMemberRequest request, ServerCallContext context)
    {
        DateOnly? birthDate = null;
        var (account, origin, _) = gate.Open(context, CallerKind.BackOffice, request.Tenant, request.Identifier, (violations, _) =>
        {
            birthDate = RequestRules.CheckBirthDate(request.BirthDate, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), violations);
        });
        var result = await account.CreateAsync(new NewMemberAccount(request.Secret, birthDate), origin, context.CancellationToken);
        return result.Status switch
        {
            AccountCreationStatus.Created => new CreateMemberReply { Status = CreateMemberStatus.Created },
            AccountCreationStatus.AlreadyExists => new CreateMemberReply { Status = CreateMemberStatus.AlreadyExists },
            AccountCreationStatus.SecretRejected => throw SecretRejected(result.Violations),
            AccountCreationStatus.UnknownTenant => throw RequestRules.TenantNotFound(request.Tenant),
            _ => throw new InvalidOperationException($"Unmapped creation status {result.Status}."),
        };
    }

    public async Task<GetAuditTrailReply> GetAuditTrailAsync(GetAuditTrailRequest request, ServerCallContext context)
    {
        var (account, _, _) = gate.Open(context, CallerKind.BackOffice, request.Tenant, request.Identifier);
        var trail = await account.GetAuditTrailAsync(context.CancellationToken)
            ?? throw AccountNotFound();
        var reply = new GetAuditTrailReply();
        reply.Entries.AddRange(trail.Select(entry => new V1.AuditEntry
        {
            At = Timestamp.FromDateTimeOffset(entry.At),
            Event = (V1.AuditEvent)(int)entry.Event,
            Caller = entry.Caller,
            ClientIp = entry.ClientIp ?? string.Empty,
            UserAgent = entry.UserAgent ?? string.Empty,
        }));
        return reply;
    }

    public async Task<UnlockMemberReply> UnlockMemberAsync(UnlockMemberRequest request, ServerCallContext context)
    {
        var (account, origin, _) = gate.Open(context, CallerKind.BackOffice, request.Tenant, request.Identifier);
        return await account.UnlockAsync(origin, context.CancellationToken)
            ? new UnlockMemberReply()
            : throw AccountNotFound();
    }

    public async Task<EndSessionsReply> EndSessionsAsync(EndSessionsRequest request, ServerCallContext context)
    {
        var (account, origin, _) = gate.Open(context, CallerKind.BackOffice, request.Tenant, request.Identifier);
        var ended = await account.EndSessionsAsync(origin, context.CancellationToken)
            ?? throw AccountNotFound();
        return new EndSessionsReply { Ended = ended };
    }

    private static RpcException AccountNotFound() => new(StatusCode.NotFound, "No account has this identifier.");

    private static RpcException SecretRejected(IReadOnlyList<SecretViolation> violations) =>
        RpcException.InvalidArgument([.. violations.Select(violation => new FieldViolation("secret", Describe(violation)))]);

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
