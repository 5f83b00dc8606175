using System.Security.Cryptography;
using Sesame.Frontend.Security;
using Sesame.Testing;

namespace Sesame.Cluster.Tests;

/// <summary>
/// Sésame configured as a silo of an Orleans cluster on Azurite: one tenant (lockout after <see cref="MaxFailedAttempts"/>
/// failures, for an hour), a portal and a back office with their keys, one pepper, grain key secret and encryption key
/// shared by every silo.
/// </summary>
internal static class SesameOnAzurite
{
    public const string Tenant = "mutuelle-x";
    public const int MaxFailedAttempts = 5;
    public const string Pin = "482913";
    public const string WrongPin = "111999";

    private const string PortalKey = "portal-key-of-the-storage-tests";
    private const string BackOfficeKey = "back-office-key-of-the-storage-tests";
    private static readonly string Pepper = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string GrainKeySecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string LogHmacKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static Dictionary<string, string> PortalMetadata { get; } = new() { ["authorization"] = $"Bearer {PortalKey}" };

    public static Dictionary<string, string> BackOfficeMetadata { get; } = new() { ["authorization"] = $"Bearer {BackOfficeKey}" };

    /// <summary>
    /// The settings of one cluster: silos started with the same dictionary join each other through Azurite's membership
    /// table; a new call makes a new cluster and service, with a grain table of its own, so no test meets another's silos.
    /// </summary>
    public static Dictionary<string, string> Settings(Azurite azurite) => new()
    {
        ["Sesame:Storage:Provider"] = "AzureTable",
        ["Sesame:Storage:AzureTable:ConnectionString"] = azurite.ConnectionString,
        ["Sesame:Storage:AzureTable:TableName"] = "t" + Guid.NewGuid().ToString("N"),
        ["Sesame:Cluster:ClusterId"] = $"cluster-{Guid.NewGuid():N}",
        ["Sesame:Cluster:ServiceId"] = $"service-{Guid.NewGuid():N}",
        ["Sesame:Hashing:Peppers:k1"] = Pepper,
        ["Sesame:Hashing:CurrentPepperId"] = "k1",
        ["Sesame:Hashing:GrainKeySecret"] = GrainKeySecret,
        ["Sesame:Encryption:Keys:e1"] = EncryptionKey,
        ["Sesame:Encryption:CurrentKeyId"] = "e1",
        ["Sesame:Telemetry:LogRedaction:HmacKey"] = LogHmacKey,
        [$"Sesame:Tenants:{Tenant}:DisplayName"] = "Mutuelle X",
        [$"Sesame:Tenants:{Tenant}:Lockout:MaxFailedAttempts"] = MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Sesame:Tenants:{Tenant}:Lockout:Duration"] = "01:00:00",
        ["Sesame:Portals:portal:Tenant"] = Tenant,
        ["Sesame:Portals:portal:KeyHash"] = ApiKeyHash.Of(PortalKey),
        ["Sesame:BackOffices:office:Tenants:0"] = Tenant,
        ["Sesame:BackOffices:office:KeyHash"] = ApiKeyHash.Of(BackOfficeKey),
    };

    public static Task<GrpcCallResult> CreateMemberAsync(NodeGrpcClient client, string identifier) =>
        client.CallAsync("sesame.v1.MemberAdmin/CreateMember", new { tenant = Tenant, identifier, secret = Pin }, BackOfficeMetadata);

    /// <summary>Signs in; a deadline turns a hang into DEADLINE_EXCEEDED, so a test can tell it from a quick refusal.</summary>
    public static Task<GrpcCallResult> LoginAsync(NodeGrpcClient client, string identifier, string secret) =>
        client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = Tenant, identifier, secret }, PortalMetadata, timeoutMs: 20_000);

    /// <summary>The events of the account's audit trail, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> AuditEventsAsync(NodeGrpcClient client, string identifier)
    {
        var trail = await client.CallAsync("sesame.v1.MemberAdmin/GetAuditTrail", new { tenant = Tenant, identifier }, BackOfficeMetadata);
        Assert.Equal(0, trail.Code);
        return trail.Response!["entries"]!.AsArray().Select(entry => entry!["event"]!.ToString()).ToArray();
    }

    public static int Count(this IEnumerable<string> events, string name) => events.Count(item => item == name);
}
