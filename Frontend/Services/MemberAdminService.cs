using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sesame.Frontend.Grpc;
using Sesame.Frontend.Letters;
using Sesame.Frontend.Validation;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Secrets;
using Sesame.V1;

namespace Sesame.Frontend.Services;

/// <summary><c>sesame.v1.MemberAdmin</c>: back-office operations on members.</summary>
internal sealed class MemberAdminService(AccountRequestGate gate, TimeProvider time, LetterFonts letterFonts, LetterDocument letterDocument) : MemberAdmin.MemberAdminBase
{
    /// <summary>Records per ImportMembers call; a bigger file is sent in several batches.</summary>
    public const int MaxImportBatch = 500;

    /// <summary>Letters per RenderPendingLetters PDF: 500 pages make about 0.6 MB, well under gRPC's default 4 MiB receive limit.</summary>
    public const int MaxLettersPerDocument = 500;

    public override async Task<CreateMemberReply> CreateMember(CreateMemberRequest request, ServerCallContext context)
    {
        DateOnly? birthDate = null;
        var opened = await gate.OpenAsync(context, request.Tenant, request.Identifier, (violations, _) =>
        {
            birthDate = RequestRules.CheckBirthDate(request.BirthDate, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), violations);
        });
        var (account, origin, policy) = opened;
        if (policy.Activation.Enabled)
        {
            throw RpcErrors.Status(StatusCode.FailedPrecondition, $"Members of tenant '{request.Tenant}' choose their password when they activate their space: import them with ImportMembers (NIR and Vitale card), then IssueProvisionalCode.");
        }

        var result = await account.CreateAsync(new NewMemberAccount(request.Secret, birthDate) { Identifier = opened.Identifier }, origin, context.CancellationToken);
        return result.Status switch
        {
            AccountCreationStatus.Created => new CreateMemberReply { Status = CreateMemberStatus.Created },
            AccountCreationStatus.AlreadyExists => new CreateMemberReply { Status = CreateMemberStatus.AlreadyExists },
            AccountCreationStatus.SecretRejected => throw SecretViolations.ToRpcException("secret", result.Violations),
            AccountCreationStatus.UnknownTenant => throw RequestRules.TenantNotFound(request.Tenant),
            _ => throw new InvalidOperationException($"Unmapped creation status {result.Status}."),
        };
    }

    public override async Task<GetAuditTrailReply> GetAuditTrail(GetAuditTrailRequest request, ServerCallContext context)
    {
        var (account, _, _) = await gate.OpenAsync(context, request.Tenant, request.Identifier);
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

    public override async Task<UnlockMemberReply> UnlockMember(UnlockMemberRequest request, ServerCallContext context)
    {
        var (account, origin, _) = await gate.OpenAsync(context, request.Tenant, request.Identifier);
        return await account.UnlockAsync(origin, context.CancellationToken)
            ? new UnlockMemberReply()
            : throw AccountNotFound();
    }

    public override async Task<EndSessionsReply> EndSessions(EndSessionsRequest request, ServerCallContext context)
    {
        var (account, origin, _) = await gate.OpenAsync(context, request.Tenant, request.Identifier);
        var ended = await account.EndSessionsAsync(origin, context.CancellationToken)
            ?? throw AccountNotFound();
        return new EndSessionsReply { Ended = ended };
    }

    public override async Task<ImportMembersReply> ImportMembers(ImportMembersRequest request, ServerCallContext context)
    {
        var records = new List<(string Identifier, NewMemberAccount Account)>();
        var (origin, policy) = gate.OpenTenant(context, request.Tenant, (violations, policy) =>
        {
            if (policy is { Activation.Enabled: true } && request.SendSecurityCodeLetters)
            {
                violations.Add(new("send_security_code_letters", "must be false: members of this tenant activate their space with a provisional code (IssueProvisionalCode)"));
            }

            if (request.Members.Count is 0 or > MaxImportBatch)
            {
                violations.Add(new("members", $"must hold 1 to {MaxImportBatch} records"));
            }

            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (member, index) in request.Members.Take(MaxImportBatch).Select((member, index) => (member, index)))
            {
                var recordViolations = new List<FieldViolation>();
                var record = CheckRecord(member, policy, today, recordViolations);
                if (record is { } checkedRecord && !seen.Add(checkedRecord.Identifier))
                {
                    recordViolations.Add(new("identifier", "appears twice in the batch"));
                }

                violations.AddRange(recordViolations.Select(violation => violation with { Field = $"members[{index}].{violation.Field}" }));
                if (recordViolations.Count == 0 && record is not null)
                {
                    records.Add(record.Value);
                }
            }
        });
        var reply = new ImportMembersReply();
        foreach (var (identifier, newAccount) in records)
        {
            var account = gate.Account(await gate.Locator(request.Tenant).AccountKeyAsync(identifier, context.CancellationToken));
            var result = await account.CreateAsync(newAccount, origin, context.CancellationToken);
            var created = result.Status switch
            {
                AccountCreationStatus.Created => true,
                AccountCreationStatus.AlreadyExists => false,
                _ => throw new InvalidOperationException($"Import of a checked record ended {result.Status}."),
            };
            if (created && request.SendSecurityCodeLetters && newAccount.Secret is null && newAccount.Contacts.PostalAddress.Count > 0 && !policy.Activation.Enabled)
            {
                await account.IssueSecurityCodeAsync(origin, context.CancellationToken);
            }

            reply.Outcomes.Add(new ImportOutcome { Identifier = identifier, Status = created ? ImportStatus.Created : ImportStatus.AlreadyExists });
        }

        return reply;
    }

    public override async Task<UpdateContactsReply> UpdateContacts(UpdateContactsRequest request, ServerCallContext context)
    {
        string? mobile = null;
        var (account, origin, _) = await gate.OpenAsync(context, request.Tenant, request.Identifier, (violations, _) =>
        {
            if (request.HasEmail && request.Email.Length > 0)
            {
                RequestRules.CheckEmail("email", request.Email, violations);
            }

            if (request.HasMobile && request.Mobile.Length > 0)
            {
                mobile = RequestRules.CheckMobile("mobile", request.Mobile, violations);
            }

            if (request.PostalAddress is { } address)
            {
                RequestRules.CheckAddress("postal_address.lines", address.Lines, violations);
            }

            if (request.HasPostalCode)
            {
                RequestRules.CheckPostalCode("postal_code", request.PostalCode, required: false, violations);
            }

            if (!request.HasEmail && !request.HasMobile && request.PostalAddress is null && !request.HasPostalCode)
            {
                violations.Add(new("email", "at least one of email, mobile, postal_address and postal_code must be given"));
            }
        });
        var update = new ContactsUpdate(
            request.HasEmail ? request.Email : null,
            request.HasMobile ? mobile ?? string.Empty : null,
            request.PostalAddress?.Lines.ToArray(),
            request.HasPostalCode ? request.PostalCode : null);
        return await account.UpdateContactsAsync(update, origin, context.CancellationToken)
            ? new UpdateContactsReply()
            : throw AccountNotFound();
    }

    public override async Task<IssueSecurityCodeReply> IssueSecurityCode(IssueSecurityCodeRequest request, ServerCallContext context)
    {
        var (account, origin, _) = await gate.OpenAsync(context, request.Tenant, request.Identifier);
        return await account.IssueSecurityCodeAsync(origin, context.CancellationToken) switch
        {
            SecurityCodeIssue.Queued => new IssueSecurityCodeReply(),
            SecurityCodeIssue.NoAccount => throw AccountNotFound(),
            SecurityCodeIssue.NoPostalAddress => throw RpcErrors.Status(StatusCode.FailedPrecondition, "No postal address is on file for this member; add one with UpdateContacts."),
            SecurityCodeIssue.NotOffered => throw RpcErrors.Status(StatusCode.FailedPrecondition, $"Members of tenant '{request.Tenant}' activate their space with a provisional code: use IssueProvisionalCode."),
            var other => throw new InvalidOperationException($"Unmapped security code issue {other}."),
        };
    }

    public override async Task<ListPendingLettersReply> ListPendingLetters(ListPendingLettersRequest request, ServerCallContext context)
    {
        gate.OpenTenant(context, request.Tenant);
        var letters = await gate.Letters(request.Tenant).ListAsync(context.CancellationToken);
        return new ListPendingLettersReply
        {
            Letters =
            {
                letters.Select(letter => new Letter
                {
                    LetterId = letter.Id,
                    Identifier = letter.Identifier,
                    Kind = letter.Kind switch
                    {
                        NotificationKind.SecurityCode => LetterKind.SecurityCode,
                        NotificationKind.ProvisionalCode => LetterKind.ProvisionalCode,
                        _ => LetterKind.RecoveryCode,
                    },
                    AddressLines = { letter.AddressLines },
                    SecurityCode = letter.SecurityCode ?? string.Empty,
                    CodeExpiresAt = letter.CodeExpiresAt is { } expiresAt ? Timestamp.FromDateTimeOffset(expiresAt) : null,
                    QueuedAt = Timestamp.FromDateTimeOffset(letter.QueuedAt),
                }),
            },
        };
    }

    public override async Task<MarkLettersPrintedReply> MarkLettersPrinted(MarkLettersPrintedRequest request, ServerCallContext context)
    {
        gate.OpenTenant(context, request.Tenant, (violations, _) =>
        {
            if (request.LetterIds.Count == 0 || !RequestRules.AreIds(request.LetterIds))
            {
                violations.Add(new("letter_ids", "must list the ids of the letters printed"));
            }
        });
        return new MarkLettersPrintedReply { Removed = await gate.Letters(request.Tenant).RemoveAsync([.. request.LetterIds], context.CancellationToken) };
    }

    public override async Task<ListUndeliveredMessagesReply> ListUndeliveredMessages(ListUndeliveredMessagesRequest request, ServerCallContext context)
    {
        gate.OpenTenant(context, request.Tenant);
        var messages = await gate.DeadLetters(request.Tenant).ListAsync(context.CancellationToken);
        return new ListUndeliveredMessagesReply
        {
            Messages =
            {
                messages.Select(message => new V1.UndeliveredMessage
                {
                    MessageId = message.Id,
                    Identifier = message.Identifier,
                    Kind = (MessageKind)(int)message.Kind,
                    Channel = (V1.CodeChannel)(int)message.Channel,
                    MaskedDestination = message.MaskedDestination,
                    Reason = (V1.UndeliveredReason)(int)message.Reason,
                    Attempts = message.Attempts,
                    CreatedAt = Timestamp.FromDateTimeOffset(message.CreatedAt),
                    FirstAttemptAt = message.FirstAttemptAt is { } first ? Timestamp.FromDateTimeOffset(first) : null,
                    LastAttemptAt = message.LastAttemptAt is { } last ? Timestamp.FromDateTimeOffset(last) : null,
                    LastError = message.LastError is { } error ? (V1.DeliveryError)(int)error : V1.DeliveryError.Unspecified,
                    LastErrorMessage = message.LastErrorMessage,
                }),
            },
        };
    }

    public override async Task<DismissUndeliveredMessagesReply> DismissUndeliveredMessages(DismissUndeliveredMessagesRequest request, ServerCallContext context)
    {
        gate.OpenTenant(context, request.Tenant, (violations, _) =>
        {
            if (request.MessageIds.Count == 0 || !RequestRules.AreIds(request.MessageIds))
            {
                violations.Add(new("message_ids", "must list the ids of the undelivered messages dealt with"));
            }
        });
        return new DismissUndeliveredMessagesReply { Removed = await gate.DeadLetters(request.Tenant).RemoveAsync([.. request.MessageIds], context.CancellationToken) };
    }

    public override async Task<RenderPendingLettersReply> RenderPendingLetters(RenderPendingLettersRequest request, ServerCallContext context)
    {
        var policy = gate.OpenTenant(context, request.Tenant, (violations, _) =>
        {
            if (request.LetterIds.Count > MaxLettersPerDocument || !RequestRules.AreIds(request.LetterIds))
            {
                violations.Add(new("letter_ids", $"must list at most {MaxLettersPerDocument} letter ids, or none for every pending letter"));
            }
        }).Policy;
        if (letterFonts.MissingFile is { } missing)
        {
            throw RpcErrors.Status(StatusCode.FailedPrecondition, $"The letters' font {missing} is missing: install the Debian package {LetterFonts.DebianPackage} on the server, or set Sesame:Letters:FontDirectory.");
        }

        var pending = await gate.Letters(request.Tenant).ListAsync(context.CancellationToken);
        var asked = request.LetterIds.ToHashSet(StringComparer.Ordinal);
        var wanted = asked.Count == 0 ? pending : [.. pending.Where(letter => asked.Contains(letter.Id))];
        var rendered = wanted.Take(MaxLettersPerDocument).ToList();
        var reply = new RenderPendingLettersReply { Pages = rendered.Count, Remaining = wanted.Count - rendered.Count, LetterIds = { rendered.Select(letter => letter.Id) } };
        if (rendered.Count > 0)
        {
            reply.Pdf = ByteString.CopyFrom(letterDocument.Render(rendered, policy, policy.DisplayName is { Length: > 0 } name ? name : request.Tenant));
        }

        return reply;
    }

    public override async Task<IssueProvisionalCodeReply> IssueProvisionalCode(IssueProvisionalCodeRequest request, ServerCallContext context)
    {
        var (account, origin, _) = await gate.OpenAsync(context, request.Tenant, request.Identifier);
        var issue = await gate.Space(account.GetPrimaryKeyString()).IssueProvisionalCodeAsync(origin, context.CancellationToken);
        return issue.Outcome switch
        {
            ProvisionalCodeOutcome.Sent => new IssueProvisionalCodeReply
            {
                Channel = (V1.CodeChannel)(int)issue.Channel!.Value,
                CodeExpiresAt = Timestamp.FromDateTimeOffset(issue.ExpiresAt!.Value),
                Deadline = issue.Deadline is { } deadline ? Timestamp.FromDateTimeOffset(deadline) : null,
            },
            ProvisionalCodeOutcome.NoAccount => throw AccountNotFound(),
            ProvisionalCodeOutcome.NotOffered => throw RpcErrors.Status(StatusCode.FailedPrecondition, $"Tenant '{request.Tenant}' has no activation with a provisional code."),
            ProvisionalCodeOutcome.AlreadyActive => throw RpcErrors.Status(StatusCode.FailedPrecondition, "The member's space is active already: the member signs in, or recovers the password."),
            ProvisionalCodeOutcome.NoChannel => throw RpcErrors.Status(StatusCode.FailedPrecondition, "No e-mail address and no postal address are on file for this member; add one with UpdateContacts."),
            _ => throw new InvalidOperationException($"Unmapped provisional code outcome {issue.Outcome}."),
        };
    }

    private static (string Identifier, NewMemberAccount Account)? CheckRecord(MemberRecord member, Grains.Interfaces.Tenants.TenantPolicy? policy, DateOnly today, List<FieldViolation> violations)
    {
        var identifier = RequestRules.CheckIdentifier(member.Identifier, policy, violations);
        var birthDate = RequestRules.CheckBirthDate(member.BirthDate, today, violations);
        var nir = RequestRules.CheckNir("nir", member.Nir, required: false, violations);
        RequestRules.CheckPostalCode("postal_code", member.PostalCode, required: false, violations);
        if (member.Email.Length > 0)
        {
            RequestRules.CheckEmail("email", member.Email, violations);
        }

        var mobile = member.Mobile.Length > 0 ? RequestRules.CheckMobile("mobile", member.Mobile, violations) : null;
        RequestRules.CheckAddress("address_lines", member.AddressLines, violations);
        var ibanTail = member.IbanTail.Length > 0 ? RequestRules.CheckIbanTail("iban_tail", member.IbanTail, violations) : null;
        if (member.Secret.Length > 0 && policy is not null)
        {
            SecretViolations.AddTo(violations, "secret", policy.Activation.Enabled ? [] : SecretRules.Check(policy.Secret, member.Secret, birthDate));
        }

        var card = CheckVitaleCard(member, policy, nir, violations);

        if (identifier is null || policy is null)
        {
            return null;
        }

        return (identifier, new NewMemberAccount(member.Secret.Length > 0 ? member.Secret : null, birthDate)
        {
            Identifier = identifier,
            Nir = nir,
            PostalCode = member.PostalCode.Length > 0 ? member.PostalCode : null,
            Contacts = new MemberContacts(member.Email.Length > 0 ? member.Email : null, mobile, [.. member.AddressLines]),
            IbanTail = ibanTail,
            VitaleCard = card,
        });
    }

    /// <summary>
    /// Where members activate their space, what activation checks: the NIR, the Vitale card, and no secret (the member
    /// chooses it). Elsewhere, no card.
    /// </summary>
    private static VitaleCard? CheckVitaleCard(MemberRecord member, Grains.Interfaces.Tenants.TenantPolicy? policy, string? nir, List<FieldViolation> violations)
    {
        if (policy is not { Activation.Enabled: true })
        {
            if (member.VitaleCardKind != V1.VitaleCardKind.Unspecified || member.VitaleCardSerial.Length > 0)
            {
                violations.Add(new("vitale_card_kind", "must be empty: this tenant does not check Vitale cards"));
            }

            return null;
        }

        if (member.Secret.Length > 0)
        {
            violations.Add(new("secret", "must be empty: the member chooses the password when activating the space"));
        }

        if (nir is null && member.Nir.Length == 0)
        {
            violations.Add(new("nir", "is required: the member gives it to activate the space"));
        }

        if (member.VitaleCardKind is not (V1.VitaleCardKind.WithPhoto or V1.VitaleCardKind.WithoutPhoto))
        {
            violations.Add(new("vitale_card_kind", "must be WITH_PHOTO or WITHOUT_PHOTO: the member's card is checked at activation"));
        }

        var serial = RequestRules.CheckVitaleCardSerial("vitale_card_serial", member.VitaleCardSerial, violations);
        return serial is null || member.VitaleCardKind == V1.VitaleCardKind.Unspecified ? null : new VitaleCard((Grains.Interfaces.Activation.VitaleCardKind)(int)member.VitaleCardKind, serial);
    }

    private static RpcException AccountNotFound() => RpcErrors.Status(StatusCode.NotFound, "No account has this identifier.");
}
