using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Sesame.Grains.Hashing;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Silo.Configuration;

namespace Sesame.Silo.Demo;

/// <summary>
/// Creates the demo members of the configured tenants on in-memory storage, and once the server listens prints how to
/// try them.
/// </summary>
internal sealed partial class DemoSeeder(
    IGrainFactory grains,
    IGrainKeys keys,
    ITenantPolicies tenants,
    IOptions<DemoOptions> demo,
    IOptions<StorageOptions> storage,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<DemoSeeder> logger) : IHostedService
{
    private static readonly CallOrigin SeedOrigin = new("demo-seed", ClientIp: null, UserAgent: null);

    private IReadOnlyList<DemoData.DemoMember> members = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Enabled || storage.Value.Provider != StorageProvider.Memory)
        {
            return;
        }

        members = DemoData.Members.Where(member => tenants.Find(member.Tenant) is not null).ToArray();
        if (members.Count == 0)
        {
            return;
        }

        foreach (var member in members)
        {
            var account = grains.GetGrain<IMemberAccountGrain>(keys.Account(member.Tenant, member.Identifier));
            var result = await account.CreateAsync(member.ToNewAccount(), SeedOrigin, cancellationToken);
            if (result.Status != AccountCreationStatus.Created)
            {
                throw new InvalidOperationException($"Demo member {member.Tenant}/{member.Identifier} could not be created: {result}.");
            }

            if (member.Secret is not null)
            {
                continue;
            }

            if (tenants.Find(member.Tenant)!.Activation.Enabled)
            {
                await grains.GetGrain<IMemberSpaceGrain>(account.GetPrimaryKeyString()).IssueProvisionalCodeAsync(SeedOrigin, cancellationToken);
            }
            else
            {
                await account.IssueSecurityCodeAsync(SeedOrigin, cancellationToken);
            }
        }

        lifetime.ApplicationStarted.Register(PrintBanner);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void PrintBanner()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:7070";
        var target = new Uri(address).Authority;
        var banner = new StringBuilder()
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Sésame is listening on {address} (gRPC, HTTP/2 without TLS), in memory, with demo data:")
            .AppendLine("  tenant     identifier          secret            portal API key (authorization: Bearer ...)");
        foreach (var member in members)
        {
            var secret = member.Secret ?? (member.VitaleCard is null ? "(first connection)" : "(activation)");
            banner.AppendLine(CultureInfo.InvariantCulture, $"  {member.Tenant,-10} {member.Identifier,-19} {secret,-17} {DemoCredentials.PortalKey(member.Tenant)}");
        }

        var first = members[0];
        banner
            .AppendLine(CultureInfo.InvariantCulture, $"  back-office API key (sesame.v1.MemberAdmin, all tenants): {DemoCredentials.BackOfficeKey}")
            .AppendLine("Try it (the Node client installs with `npm ci --prefix interop`):")
            .AppendLine(CultureInfo.InvariantCulture, $"  node interop/call.mjs {target} sesame.v1.MemberAuth/Login '{{\"tenant\":\"{first.Tenant}\",\"identifier\":\"{first.Identifier}\",\"secret\":\"{first.Secret}\"}}' --metadata authorization='Bearer {DemoCredentials.PortalKey(first.Tenant)}'")
            .AppendLine(CultureInfo.InvariantCulture, $"  Three wrong secrets lock the account for a minute. Health: node interop/call.mjs {target} grpc.health.v1.Health/Check '{{}}'")
            .AppendLine("  E-mails and SMS (with their one-time codes) are written to this log by the dev outbox; letters to print are")
            .AppendLine("  listed by sesame.v1.MemberAdmin/ListPendingLetters.")
            .AppendLine("  mes (Mon espace santé): the provisional code of MES-0000001 is in this log; activate with sesame.v1.MemberActivation")
            .AppendLine("  (Identify with NIR 168047512345617, Vitale card WITH_PHOTO 8025000002, Decide, ConfirmContacts, ChooseCredentials),")
            .AppendLine("  then sign in: Login sends the access code, VerifyAccessCode opens the session. The whole walk in one command,")
            .AppendLine("  with a Sésame of its own on a free port: node interop/mes-walkthrough.mjs");
        LogBanner(logger, banner.ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Banner}")]
    private static partial void LogBanner(ILogger logger, string banner);
}
