using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>The mutuelle des agents publics (tenant mnt): member number and a strong password.</summary>
[Collection(ServerCollection.Name)]
public sealed class MutuelleAgentsPublicsInteropTests(SesameServerFixture fixture)
{
    private const string Password = "Velo-Rouge-2026!";

    private SesameServer Server => fixture.Server;

    [Fact]
    public async Task Login_MemberNumberAndPassword_Succeeds()
    {
        // ÉTAPE 6: "vous connecter à votre espace adhérent directement en indiquant votre numéro d'adhérent et votre
        // nouveau mot de passe."
        var identifier = NewMemberNumber();
        Assert.Equal(0, (await CreateAsync(identifier, Password)).Code);

        var result = await LoginAsync(identifier, Password);

        Assert.Equal("LOGIN_STATUS_SUCCEEDED", result.Field("status"));
        Assert.Equal("false", result.Field("renewal_advised"), ignoreCase: true);
    }

    [Fact]
    public async Task DescribeTenant_Mnt_PasswordRulesOfTheHelpPage()
    {
        var result = await Server.Client.CallAsync("sesame.v1.Portal/DescribeTenant", new { tenant = "mnt" }, SesameServer.Portal("mnt"));

        var rules = result.Response!["password_rules"]!;
        Assert.Equal("SECRET_KIND_PASSWORD", result.Field("secret_kind"));
        Assert.Equal("'%\\_", rules["forbidden_characters"]!.ToString());
        Assert.Equal("true", rules["require_uppercase"]!.ToString(), ignoreCase: true);
        Assert.Equal("true", rules["require_digit"]!.ToString(), ignoreCase: true);
        Assert.Equal("true", rules["require_special"]!.ToString(), ignoreCase: true);
    }

    [Theory]
    [InlineData("velo-rouge-2026!", "upper-case")]
    [InlineData("Velo_Rouge_2026!", "forbids")]
    [InlineData("Velo%Rouge-2026!", "forbids")]
    [InlineData("VeloRougeDeux", "digit")]
    public async Task CreateMember_PasswordBreakingARule_InvalidArgumentAndNoAccount(string password, string expected)
    {
        // "assurez-vous d'avoir un mot de passe robuste incluant des chiffres, des caractères spéciaux et des
        // majuscules (évitez les caractères suivants : apostrophe ('), pourcentage (%), antislash (\), et underscore (_)."
        var identifier = NewMemberNumber();

        var result = await CreateAsync(identifier, password);
        var login = await LoginAsync(identifier, password);

        Assert.Equal(3, result.Code);
        Assert.Contains("secret:", result.Details, StringComparison.Ordinal);
        Assert.Contains(expected, result.Details, StringComparison.Ordinal);
        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", login.Field("status"));
        Assert.Equal(5, (await Server.Client.CallAsync("sesame.v1.MemberAdmin/GetAuditTrail", new { tenant = "mnt", identifier }, SesameServer.BackOffice)).Code);
    }

    [Fact]
    public async Task Login_PasswordOlderThanSixMonths_RenewalAdvised()
    {
        // "Une réinitialisation régulière est recommandée ... avec un changement souhaité tous les 6 mois."
        var identifier = NewMemberNumber();
        Assert.Equal(0, (await CreateAsync(identifier, Password)).Code);

        var fresh = await LoginAsync(identifier, Password);
        Server.Clock.Advance(TimeSpan.FromDays(183));
        var old = await LoginAsync(identifier, Password);

        Assert.Equal("false", fresh.Field("renewal_advised"), ignoreCase: true);
        Assert.Equal("true", old.Field("renewal_advised"), ignoreCase: true);
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", old.Field("status"));
    }

    [Fact]
    public async Task Login_PinShapedSecretOnPasswordTenant_CountsAsAWrongPassword()
    {
        var result = await LoginAsync("1002003", "482913");

        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", result.Field("status"));
    }

    [Fact]
    public async Task Login_PasswordOnPinTenant_InvalidArgument()
    {
        var result = await Server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "acs", identifier = "AC200001", secret = Password }, SesameServer.Portal("acs"));

        Assert.Equal(3, result.Code);
        Assert.Contains("secret: must be exactly 6 digits", result.Details, StringComparison.Ordinal);
    }

    private static string NewMemberNumber() => $"{Random.Shared.Next(10_000_000, 99_999_999)}";

    private Task<GrpcCallResult> CreateAsync(string identifier, string password) =>
        Server.Client.CallAsync("sesame.v1.MemberAdmin/CreateMember", new { tenant = "mnt", identifier, secret = password }, SesameServer.BackOffice);

    private Task<GrpcCallResult> LoginAsync(string identifier, string password) => Server.SignInAsync("mnt", identifier, password);
}
