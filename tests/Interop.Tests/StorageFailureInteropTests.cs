using Azure;
using Orleans.Storage;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// The grain storage failing under Orleans, which wraps a provider's exception as it reaches the grain: the call ends
/// with the status registered for the storage's exception, its fixed message, and nothing counted.
/// </summary>
public sealed class StorageFailureInteropTests : IClassFixture<TestGrainStorageServerFixture>
{
    private const string Login = "sesame.v1.MemberAuth/Login";
    private const string WrongPin = "930517";
    private readonly TestGrainStorageServerFixture fixture;

    public StorageFailureInteropTests(TestGrainStorageServerFixture fixture)
    {
        this.fixture = fixture;
        // A test that failed during its outage leaves the next one a storage that answers.
        fixture.Storage.Outage = null;
    }

    private SesameServer Server => fixture.Server;

    [Fact]
    public async Task Login_StorageUnreachable_UnavailableChangesNothingAndResumesWhenItReturns()
    {
        var identifier = await Server.CreateMemberAsync("assu2000");
        var newcomer = TestIdentifiers.For("assu2000");
        var before = await LoginAsync(identifier);
        var storage = fixture.Storage;
        storage.Outage = () => new RequestFailedException(503, "The storage account is unreachable.");

        var loginDuringOutage = await LoginAsync(identifier);
        var createDuringOutage = await CreateMemberAsync(newcomer);
        storage.Outage = null;
        var after = await LoginAsync(identifier);
        var createAfter = await CreateMemberAsync(newcomer);

        Assert.Equal("2", before.Field("remaining_attempts"));
        Assert.Equal((14, 14), (loginDuringOutage.Code, createDuringOutage.Code));
        Assert.Equal("Sésame's storage is unavailable; the call may not have completed. Try again later.", loginDuringOutage.Details);
        Assert.Equal("1", after.Field("remaining_attempts"));
        Assert.Equal("CREATE_MEMBER_STATUS_CREATED", createAfter.Field("status"));
        Assert.Equal(["AUDIT_EVENT_ACCOUNT_CREATED", "AUDIT_EVENT_LOGIN_FAILED", "AUDIT_EVENT_LOGIN_FAILED"], await Server.AuditEventsAsync("assu2000", identifier));
    }

    [Fact]
    public async Task Login_StorageReportsConflictsEveryTime_AbortedAndNothingCounted()
    {
        var identifier = await Server.CreateMemberAsync("assu2000");
        var storage = fixture.Storage;
        storage.Outage = () => new InconsistentStateException("The record changed since it was read.");

        var during = await LoginAsync(identifier);
        storage.Outage = null;
        var after = await LoginAsync(identifier);

        Assert.Equal(10, during.Code);
        Assert.Equal("The account changed in storage while the call ran; it may be retried.", during.Details);
        Assert.Equal("2", after.Field("remaining_attempts"));
    }

    private Task<GrpcCallResult> LoginAsync(string identifier) =>
        Server.Client.CallAsync(Login, new { tenant = "assu2000", identifier, secret = WrongPin }, SesameServer.Portal("assu2000"));

    private Task<GrpcCallResult> CreateMemberAsync(string identifier) =>
        Server.Client.CallAsync("sesame.v1.MemberAdmin/CreateMember", new { tenant = "assu2000", identifier, secret = "482913" }, SesameServer.BackOffice);
}
