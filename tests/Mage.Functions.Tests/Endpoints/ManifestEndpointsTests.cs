using System.Net;
using System.Text.Json;
using Mage.Functions.Tests.Infrastructure;

namespace Mage.Functions.Tests.Endpoints;

public sealed class ManifestEndpointsTests
{
    [Fact]
    public async Task Validate_ValidManifestWithTypo_OkWithWarningAndPosition()
    {
        await using var app = await MageAppFactory.CreateAsync();
        using var client = app.CreateAdminClient();

        var response = await client.PostAsync(new Uri("/api/manifests/validate", UriKind.Relative),
            new StringContent("driver: { type: os }\nstages: [a]\njobs:\n  - { stage: a, commands: [\"true\"] }\nstagse: [b]\n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("valid").GetBoolean());
        var warning = Assert.Single(body.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal(5, warning.GetProperty("line").GetInt32());
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Contains("did you mean \"stages\"", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_TimeoutAboveDeploymentLimitAndUnknownStage_BadRequestWithEveryError()
    {
        await using var app = await MageAppFactory.CreateAsync(new Dictionary<string, string?> { ["Mage:BuildTimeout"] = "00:10:00" });
        using var client = app.CreateAdminClient();

        var response = await client.PostAsync(new Uri("/api/manifests/validate", UriKind.Relative),
            new StringContent("driver: { type: os }\ntimeout: 2h\nstages: [a]\njobs:\n  - { stage: b, commands: [\"true\"] }\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 2 && e.GetProperty("message").GetString()!.Contains("limit of 10m", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 5 && e.GetProperty("path").GetString() == "jobs[0].stage");
    }
}
