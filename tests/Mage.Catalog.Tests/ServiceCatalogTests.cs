using Mage.Catalog;
using Mage.Testing;

namespace Mage.Catalog.Tests;

public sealed class ServiceCatalogTests
{
    private const string Token = "glpat-SuperSecretToken123";

    private static ServiceUpdate Update(string? token, string displayName = "API") =>
        new(displayName, new RepositoryUpdate("gitlab", "https://gitlab.example.com/group/api.git", "group/api", "main", token), "stages: [build]");

    [Fact]
    public async Task PutAsync_NewThenExisting_CreatedThenUpdated()
    {
        var s = await CatalogTestStorage.CreateAsync();

        var created = await s.Services.PutAsync("api", Update(Token), CancellationToken.None);
        var updated = await s.Services.PutAsync("api", Update(null, "API v2"), CancellationToken.None);

        Assert.True(created.Created);
        Assert.False(updated.Created);
        var read = await s.Services.GetAsync("api", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal("API v2", read.DisplayName);
        Assert.Equal("stages: [build]", read.DefaultManifest);
        Assert.Equal(new RepositoryRecord("gitlab", "https://gitlab.example.com/group/api.git", "group/api", "main", TokenSet: true), read.Repository);
        Assert.Equal(created.Service.CreatedAt, read.CreatedAt);
        Assert.True(read.UpdatedAt >= read.CreatedAt);
    }

    [Fact]
    public async Task PutAsync_TokenOmittedOnUpdate_KeepsStoredToken()
    {
        var s = await CatalogTestStorage.CreateAsync();
        await s.Services.PutAsync("api", Update(Token), CancellationToken.None);

        var updated = await s.Services.PutAsync("api", Update(null), CancellationToken.None);

        Assert.True(updated.Service.Repository!.TokenSet);
        Assert.Equal(Token, await s.Services.GetRepositoryTokenAsync("api", CancellationToken.None));
    }

    [Fact]
    public async Task PutAsync_EmptyToken_ClearsToken()
    {
        var s = await CatalogTestStorage.CreateAsync();
        await s.Services.PutAsync("api", Update(Token), CancellationToken.None);

        var updated = await s.Services.PutAsync("api", Update(""), CancellationToken.None);

        Assert.False(updated.Service.Repository!.TokenSet);
        Assert.Null(await s.Services.GetRepositoryTokenAsync("api", CancellationToken.None));
    }

    [Fact]
    public async Task PutAsync_Token_EncryptedAtRest()
    {
        var s = await CatalogTestStorage.CreateAsync();

        await s.Services.PutAsync("api", Update(Token), CancellationToken.None);

        var raw = (await s.Account.GetTable(s.Storage.Options.ServicesTable).GetEntityAsync<Azure.Data.Tables.TableEntity>("service", "api")).Value;
        Assert.NotNull(raw);
        Assert.All(((IDictionary<string, object>)raw).Values, v => Assert.DoesNotContain("SuperSecret", v?.ToString() ?? "", StringComparison.Ordinal));
        Assert.StartsWith("v1:", raw.GetString("Token"), StringComparison.Ordinal);
        Assert.Equal(Token, await s.Services.GetRepositoryTokenAsync("api", CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_TwoServices_ListsBothWithoutSecrets()
    {
        var s = await CatalogTestStorage.CreateAsync();
        await s.Services.PutAsync("b-svc", Update(Token), CancellationToken.None);
        await s.Services.PutAsync("a-svc", new ServiceUpdate(null, null, null), CancellationToken.None);

        var list = await s.Services.ListAsync(CancellationToken.None);

        Assert.Equal(["a-svc", "b-svc"], list.Select(x => x.Name));
        Assert.Null(list[0].Repository);
        Assert.DoesNotContain("SuperSecret", list[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExistsAsync_UnknownAndKnown_FalseThenTrue()
    {
        var s = await CatalogTestStorage.CreateAsync();

        Assert.False(await s.Services.ExistsAsync("api", CancellationToken.None));
        Assert.False(await s.Services.ExistsAsync("Not_Valid", CancellationToken.None));
        await s.Services.PutAsync("api", Update(null), CancellationToken.None);
        Assert.True(await s.OtherInstance().Services.ExistsAsync("api", CancellationToken.None));
        Assert.Null(await s.Services.GetAsync("missing", CancellationToken.None));
    }
}
