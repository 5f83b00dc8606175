using Grpc.Core;
using Sesame.LoadTest.Inbox;
using Sesame.LoadTest.Load;
using Sesame.LoadTest.Members;
using Sesame.V1;

namespace Sesame.LoadTest.Seeding;

/// <summary>
/// Imports test members through <c>MemberAdmin/ImportMembers</c>, <see cref="BatchSize"/> a call and
/// <see cref="Concurrency"/> calls at once; a member already there (a seeding sent again) counts as imported. With an
/// inbox, mes members are then activated as the help page says (provisional code by e-mail, NIR, Vitale card,
/// decision, contacts, identifier and password), so they can sign in; without one they stay imported only.
/// </summary>
internal sealed class Seeder(ClientSet clients, ICodeInbox? inbox, TimeProvider time)
{
    public int BatchSize { get; init; } = 100;

    public int Concurrency { get; init; } = 4;

    /// <summary>Imports <paramref name="members"/>, reporting how many are done after each batch; answers how many existed already.</summary>
    public async Task<int> ImportAsync(IReadOnlyList<TestMember> members, IProgress<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(progress);
        var batches = members.GroupBy(member => member.Tenant, StringComparer.Ordinal).SelectMany(tenant => tenant.Chunk(BatchSize)).ToList();
        var done = 0;
        var existing = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (batch, token) =>
        {
            var request = new ImportMembersRequest { Tenant = batch[0].Tenant };
            request.Members.AddRange(batch.Select(Record));
            var reply = await clients.BackOffice().MemberAdmin.ImportMembersAsync(request, cancellationToken: token);
            if (reply.Outcomes.Count != batch.Length)
            {
                throw new InvalidOperationException($"ImportMembers answered {reply.Outcomes.Count} outcomes for {batch.Length} members.");
            }

            Interlocked.Add(ref existing, reply.Outcomes.Count(outcome => outcome.Status == ImportStatus.AlreadyExists));
            progress.Report(Interlocked.Add(ref done, batch.Length));
        });
        return existing;
    }

    /// <summary>Activates the mes members not active yet, reporting each one done; those that failed are left inactive and named.</summary>
    public async Task<IReadOnlyList<string>> ActivateAsync(IReadOnlyList<TestMember> members, IProgress<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(progress);
        var codes = inbox ?? throw new InvalidOperationException("Activation reads the provisional codes from an inbox.");
        var description = await clients.Portal("mes").Portal.DescribeTenantAsync(new DescribeTenantRequest { Tenant = "mes" }, cancellationToken: cancellationToken);
        var failures = new List<string>();
        var done = 0;
        await Parallel.ForEachAsync(members.Where(member => member.Tenant == "mes" && !member.Activated), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (member, token) =>
        {
            try
            {
                await ActivateAsync(member, codes, description, token);
                member.Activated = true;
            }
            catch (Exception exception) when (exception is RpcException or InvalidOperationException)
            {
                lock (failures)
                {
                    failures.Add($"{member.Reference}: {exception.Message}");
                }
            }

            progress.Report(Interlocked.Increment(ref done));
        });
        return failures;
    }

    private async Task ActivateAsync(TestMember member, ICodeInbox codes, TenantDescription description, CancellationToken cancellationToken)
    {
        var seen = (await codes.CodesToAsync(member.Email, cancellationToken)).Count;
        await clients.BackOffice().MemberAdmin.IssueProvisionalCodeAsync(new IssueProvisionalCodeRequest { Tenant = member.Tenant, Identifier = member.Reference }, cancellationToken: cancellationToken);
        var code = await codes.WaitForNewAsync(member.Email, seen, TimeSpan.FromSeconds(30), time, cancellationToken)
            ?? throw new InvalidOperationException("no provisional code e-mailed");
        var portal = clients.Portal(member.Tenant).MemberActivation;
        var identified = await portal.IdentifyAsync(new IdentifyRequest { Tenant = member.Tenant, ProvisionalCode = code, Nir = member.Nir }, cancellationToken: cancellationToken);
        if (identified.Status != IdentifyStatus.Identified)
        {
            throw new InvalidOperationException($"Identify answered {identified.Status}");
        }

        var activation = identified.ActivationId;
        await portal.CheckVitaleCardAsync(new CheckVitaleCardRequest { Tenant = member.Tenant, ActivationId = activation, CardKind = VitaleCardKind.WithoutPhoto, SerialNumber = member.VitaleSerial }, cancellationToken: cancellationToken);
        await portal.DecideAsync(new DecideRequest { Tenant = member.Tenant, ActivationId = activation, Decision = ActivationDecision.Activate, TermsVersion = description.TermsVersion, PrivacyPolicyVersion = description.PrivacyPolicyVersion }, cancellationToken: cancellationToken);
        await portal.ConfirmContactsAsync(new ConfirmContactsRequest { Tenant = member.Tenant, ActivationId = activation }, cancellationToken: cancellationToken);
        var chosen = await portal.ChooseCredentialsAsync(new ChooseCredentialsRequest { Tenant = member.Tenant, ActivationId = activation, Identifier = member.Identifier, Password = member.Secret, Confirmation = member.Secret }, cancellationToken: cancellationToken);
        if (chosen.Status != ChooseCredentialsStatus.Activated)
        {
            throw new InvalidOperationException($"ChooseCredentials answered {chosen.Status}");
        }
    }

    private static MemberRecord Record(TestMember member)
    {
        var record = new MemberRecord
        {
            Identifier = member.Reference,
            BirthDate = member.BirthDate,
            Nir = member.Nir,
            PostalCode = member.PostalCode,
            Email = member.Email,
        };
        if (member.Tenant == "mes")
        {
            record.VitaleCardKind = VitaleCardKind.WithoutPhoto;
            record.VitaleCardSerial = member.VitaleSerial;
        }
        else
        {
            record.Secret = member.Secret;
        }

        return record;
    }
}
