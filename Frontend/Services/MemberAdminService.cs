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
        var (account, origin, _) = gate.Open(context, CallerKind.BackOffice, request.Tenant, request.Identifier, violations =>
        {
            RequestRules.CheckPin("pin", request.Pin, violations);
            birthDate = RequestRules.CheckBirthDate(request.BirthDate, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), violations);
        });
        var result = await account.CreateAsync(new NewMemberAccount(request.Pin, birthDate), origin, context.CancellationToken);
        return result.Status switch
        {
            AccountCreationStatus.Created => new CreateMemberReply { Status = CreateMemberStatus.Created },
            AccountCreationStatus.AlreadyExists => new CreateMemberReply { Status = CreateMemberStatus.AlreadyExists },
            AccountCreationStatus.PinRejected => throw PinRejected(result.PinViolation),
            AccountCreationStatus.UnknownTenant => throw RequestRules.TenantNotFound(request.Tenant),
            _ => throw new InvalidOperationException($"Unmapped creation status {result.Status}."),
        };
    }

    public async Task<GetAuditTrailReply> GetAuditTrailAsync(GetAuditTrailRequest request, ServerCallContext context)
    {
        var (account, _, _) = gate.Open(context, CallerKind.BackOffice, request.Tenant, request.Identifier);
        var trail = await account.GetAuditTrailAsync(context.CancellationToken)
            ?? throw new RpcException(StatusCode.NotFound, "No account has this identifier.");
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
            : throw new RpcException(StatusCode.NotFound, "No account has this identifier.");
    }

    public async Task<EndSessionsReply> EndSessionsAsync(EndSessionsRequest request, ServerCallContext context)
    {
        var (account, origin, _) = gate.Open(context, CallerKind.BackOffice, request.Tenant, request.Identifier);
        var ended = await account.EndSessionsAsync(origin, context.CancellationToken)
            ?? throw new RpcException(StatusCode.NotFound, "No account has this identifier.");
        return new EndSessionsReply { Ended = ended };
    }

    private static RpcException PinRejected(PinViolation violation)
    {
        var description = violation switch
        {
            PinViolation.RepeatedDigits => "must not repeat a digit or a block of digits",
            PinViolation.SequentialDigits => "must not be a run of consecutive digits",
            PinViolation.BirthDate => "must not be the member's birth date",
            _ => "must be exactly 6 digits",
        };
        return RpcException.InvalidArgument([new FieldViolation("pin", description)]);
    }
}
