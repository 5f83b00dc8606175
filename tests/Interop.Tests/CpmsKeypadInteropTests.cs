using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>CPMS: the 6-digit PIN typed on a scrambled on-screen keypad.</summary>
[Collection(ServerCollection.Name)]
public sealed class CpmsKeypadInteropTests(SesameServerFixture fixture)
{
    private const string Pin = "482913";

    private SesameServer Server => fixture.Server;

    [Fact]
    public async Task IssueKeypad_Cpms_TenDigitsShuffledOverTenPositions()
    {
        // "1. Je me connecte ... « Espace Assuré »" — the page shows the digits scrambled ("3 4 0 7 6 / 9 1 8 2 5").
        var keypads = new List<int[]>();
        for (var i = 0; i < 5; i++)
        {
            var keypad = await IssueAsync();
            keypads.Add(keypad.Response!["digits"]!.AsArray().Select(digit => (int)digit!).ToArray());
        }

        Assert.All(keypads, digits => Assert.Equal(Enumerable.Range(0, 10), digits.Order()));
        Assert.True(keypads.Select(digits => string.Concat(digits)).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Login_PositionsOfThePin_Succeeds()
    {
        // "2. Je saisis mon numéro de Sécurité Sociale et mon mot de passe à 6 chiffres."
        var result = await Server.SignInAsync("cpms", "185057800608491", "264815");

        Assert.Equal("LOGIN_STATUS_SUCCEEDED", result.Field("status"));
    }

    [Fact]
    public async Task Login_KeypadUsedTwice_RefusedAndNothingCounted()
    {
        var nir = await Server.CreateMemberAsync("cpms");
        var keypad = await IssueAsync();
        var positions = PositionsOf("930517", keypad);

        var first = await LoginAsync(nir, keypad.Field("keypad_id")!, positions);
        var replay = await LoginAsync(nir, keypad.Field("keypad_id")!, positions);
        var next = await Server.SignInAsync("cpms", nir, "930517");

        Assert.Equal(("LOGIN_STATUS_INVALID_CREDENTIALS", "2"), (first.Field("status"), first.Field("remaining_attempts")));
        Assert.Equal("LOGIN_STATUS_KEYPAD_REFUSED", replay.Field("status"));
        Assert.Equal("1", next.Field("remaining_attempts"));
    }

    [Fact]
    public async Task Login_KeypadOlderThanFiveMinutes_Refused()
    {
        var nir = await Server.CreateMemberAsync("cpms");
        var keypad = await IssueAsync();

        Server.Clock.Advance(TimeSpan.FromMinutes(5));
        var result = await LoginAsync(nir, keypad.Field("keypad_id")!, PositionsOf(Pin, keypad));

        Assert.Equal("LOGIN_STATUS_KEYPAD_REFUSED", result.Field("status"));
    }

    [Fact]
    public async Task Login_UnknownKeypad_Refused()
    {
        var result = await LoginAsync("185057800608491", "AAAAAAAAAAAAAAAAAAAAAA", [0, 1, 2, 3, 4, 5]);

        Assert.Equal("LOGIN_STATUS_KEYPAD_REFUSED", result.Field("status"));
    }

    [Fact]
    public async Task Login_PinInsteadOfPositions_InvalidArgument()
    {
        var result = await Server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "cpms", identifier = "185057800608491", secret = "264815" }, SesameServer.Portal("cpms"));

        Assert.Equal(3, result.Code);
        Assert.Contains("secret: must be empty", result.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2 })]
    [InlineData(new[] { 0, 1, 2, 3, 4, 10 })]
    [InlineData(new[] { -1, 1, 2, 3, 4, 5 })]
    public async Task Login_BadPositions_InvalidArgument(int[] positions)
    {
        var keypad = await IssueAsync();

        var result = await LoginAsync("185057800608491", keypad.Field("keypad_id")!, positions);

        Assert.Equal(3, result.Code);
        Assert.Contains("positions:", result.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueKeypad_TenantWithoutKeypad_FailedPrecondition()
    {
        var result = await Server.Client.CallAsync("sesame.v1.MemberAuth/IssueKeypad", new { tenant = "acs" }, SesameServer.Portal("acs"));

        Assert.Equal(9, result.Code);
    }

    private static int[] PositionsOf(string pin, GrpcCallResult keypad)
    {
        var digits = keypad.Response!["digits"]!.AsArray().Select(digit => (int)digit!).ToList();
        return pin.Select(digit => digits.IndexOf(digit - '0')).ToArray();
    }

    private Task<GrpcCallResult> IssueAsync() =>
        Server.Client.CallAsync("sesame.v1.MemberAuth/IssueKeypad", new { tenant = "cpms" }, SesameServer.Portal("cpms"));

    private Task<GrpcCallResult> LoginAsync(string nir, string keypadId, int[] positions) =>
        Server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "cpms", identifier = nir, keypad_id = keypadId, positions }, SesameServer.Portal("cpms"));
}
