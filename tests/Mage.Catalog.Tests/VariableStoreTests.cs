using Mage.Catalog;
using Mage.Testing;

namespace Mage.Catalog.Tests;

public sealed class VariableStoreTests
{
    [Fact]
    public async Task PutAsync_MaskedAndPlain_ReadBackMaskedAndBuildGetsRealValues()
    {
        var s = await CatalogTestStorage.CreateAsync();

        var masked = await s.Variables.PutAsync("api", "DEPLOY_TOKEN", "s3cr3t-value", masked: true, CancellationToken.None);
        await s.Variables.PutAsync("api", "REGION", "eu-west", masked: false, CancellationToken.None);
        await s.Variables.PutAsync("other", "REGION", "us", masked: false, CancellationToken.None);

        Assert.True(masked.Created);
        Assert.Equal(VariableStore.MaskedValue, masked.Variable.Value);
        Assert.Equal(VariableStore.MaskedValue, (await s.Variables.GetAsync("api", "DEPLOY_TOKEN", CancellationToken.None))!.Value);
        var list = await s.Variables.ListAsync("api", CancellationToken.None);
        Assert.Equal([("DEPLOY_TOKEN", "xxxxxx", true), ("REGION", "eu-west", false)], list.Select(v => (v.Key, v.Value, v.Masked)));
        var build = await s.Variables.GetForBuildAsync("api", CancellationToken.None);
        Assert.Equal([new BuildVariable("DEPLOY_TOKEN", "s3cr3t-value", true), new BuildVariable("REGION", "eu-west", false)], build);
    }

    [Fact]
    public async Task PutAsync_Masked_EncryptedAtRestBoundToRecord()
    {
        var s = await CatalogTestStorage.CreateAsync();
        await s.Variables.PutAsync("api", "DEPLOY_TOKEN", "s3cr3t-value", masked: true, CancellationToken.None);
        var table = s.Account.GetTable(s.Storage.Options.VariablesTable);

        var raw = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("api", "DEPLOY_TOKEN")).Value;
        Assert.DoesNotContain("s3cr3t", raw!.GetString("Value"), StringComparison.Ordinal);

        // A ciphertext copied to another record does not decrypt there.
        var copy = new Azure.Data.Tables.TableEntity("api", "STOLEN") { ["Value"] = raw.GetString("Value"), ["Masked"] = true };
        await table.UpsertEntityAsync(copy);
        await Assert.ThrowsAsync<Mage.Catalog.Secrets.SecretUnprotectException>(() => s.Variables.GetForBuildAsync("api", CancellationToken.None));
    }

    [Fact]
    public async Task PutAsync_Existing_UpdatedAndDeleteRemoves()
    {
        var s = await CatalogTestStorage.CreateAsync();
        await s.Variables.PutAsync("api", "REGION", "eu", masked: false, CancellationToken.None);

        var second = await s.Variables.PutAsync("api", "REGION", "us", masked: false, CancellationToken.None);

        Assert.False(second.Created);
        Assert.Equal("us", (await s.Variables.GetAsync("api", "REGION", CancellationToken.None))!.Value);
        Assert.True(await s.Variables.DeleteAsync("api", "REGION", CancellationToken.None));
        Assert.False(await s.Variables.DeleteAsync("api", "REGION", CancellationToken.None));
        Assert.Null(await s.Variables.GetAsync("api", "REGION", CancellationToken.None));
        Assert.Empty(await s.Variables.GetForBuildAsync("api", CancellationToken.None));
    }

    [Theory]
    [InlineData("KEY", "short", true, "value")]
    [InlineData("1KEY", "value", false, "key")]
    [InlineData("MY-KEY", "value", false, "key")]
    [InlineData("", "value", false, "key")]
    [InlineData("KEY", null, false, "value")]
    public void Validate_Invalid_ReportsPath(string key, string? value, bool masked, string path) =>
        Assert.Equal(path, Assert.Single(VariableStore.Validate(key, value, masked)).Path);

    [Theory]
    [InlineData("_KEY", "sixsix", true)]
    [InlineData("key_2", "", false)]
    public void Validate_Valid_NoErrors(string key, string value, bool masked) =>
        Assert.Empty(VariableStore.Validate(key, value, masked));
}
