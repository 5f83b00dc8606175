using Sesame.Storage.AzureTable.Client;

namespace Sesame.Storage.AzureTable.Tests.Client;

public sealed class TableConnectionStringTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void Parse_UseDevelopmentStorage_IsAzuriteDefaultAccountAndPort()
    {
        var parsed = TableConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(Convert.FromBase64String(Key), parsed.AccountKey);
    }

    [Fact]
    public void Parse_AccountWithoutTableEndpoint_BuildsItFromProtocolAndSuffix()
    {
        var parsed = TableConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=sesameprod;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://sesameprod.table.core.windows.net"), parsed.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitTableEndpointAndOtherServices_KeepsTheTableEndpoint()
    {
        var parsed = TableConnectionString.Parse($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("just some text", "Name=Value")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    [InlineData("AccountKey=" + Key, "AccountName")]
    [InlineData("AccountName=a;AccountKey=not*base64", "AccountKey")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";AccountName=b", "twice")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";TableEndpoint=not a uri", "TableEndpoint")]
    [InlineData("AccountName=a;SharedAccessSignature=sv=2020", "SharedAccessSignature is not supported")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";AcountKey=x", "unknown settings: AcountKey")]
    public void TryParse_Malformed_FailsSayingWhyWithoutTheKey(string text, string expected)
    {
        var parsed = TableConnectionString.TryParse(text, out var connectionString, out var error);

        Assert.False(parsed);
        Assert.Null(connectionString);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error, StringComparison.Ordinal);
    }
}
