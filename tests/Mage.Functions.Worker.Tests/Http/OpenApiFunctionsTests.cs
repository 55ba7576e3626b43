using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Http;

public sealed class OpenApiFunctionsTests
{
    [Fact]
    public async Task OpenApiDocument_WithAdminKey_SameDocumentAsStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();

        var answer = await hosts.AssertSameAnswerAsync<OpenApiFunctions>(RequestSpec.WithKey(HttpMethod.Get, "/api/openapi.json", hosts.AdminKey),
            (f, r) => f.OpenApiDocument(r));

        Assert.Equal(200, answer.Status);
        Assert.Contains("/api/services/{service}/builds", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_WithoutKey_UnauthorizedLikeStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();

        var answer = await hosts.AssertSameAnswerAsync<OpenApiFunctions>(RequestSpec.WithKey(HttpMethod.Get, "/api/openapi.json", null),
            (f, r) => f.OpenApiDocument(r));

        Assert.Equal(401, answer.Status);
    }
}
