using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mage.Storage;
using Mage.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Tests.Endpoints.Webhooks;

public sealed class WebhookEndpointsTests
{
    [Fact]
    public async Task Create_ValidRequest_SecretShownOnceAndStoredEncrypted()
    {
        await using var s = await WebhookScenario.StartAsync();

        var response = await s.Admin.PostAsJsonAsync(new Uri($"/api/services/{s.Service}/webhooks", UriKind.Relative), new { url = s.Receiver.Url, events = new[] { "*" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = created.RootElement.GetProperty("id").GetString()!;
        var secret = created.RootElement.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(secret["whsec_".Length..]).Length >= 24);
        Assert.Equal($"/api/services/{s.Service}/webhooks/{id}", response.Headers.Location?.OriginalString);

        var list = await s.Admin.GetStringAsync(new Uri($"/api/services/{s.Service}/webhooks", UriKind.Relative));
        var one = await s.Admin.GetStringAsync(new Uri($"/api/services/{s.Service}/webhooks/{id}", UriKind.Relative));
        Assert.Contains(id, list, StringComparison.Ordinal);
        Assert.Contains("\"active\":true", one, StringComparison.Ordinal);
        Assert.DoesNotContain(secret["whsec_".Length..], list + one, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", list + one, StringComparison.OrdinalIgnoreCase);

        var raw = await s.App.Services.GetRequiredService<StorageClients>().GetTable(s.App.TaskHub + "Webhooks").GetEntityOrNullAsync(s.Service, id);
        Assert.StartsWith("v1:", raw!.GetString("Secret"), StringComparison.Ordinal);
        Assert.DoesNotContain(secret["whsec_".Length..], string.Join("|", raw.Select(p => p.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidInputs_400NamingEveryProblem()
    {
        await using var s = await WebhookScenario.StartAsync();

        var response = await s.Admin.PostAsJsonAsync(new Uri($"/api/services/{s.Service}/webhooks", UriKind.Relative), new { url = "ftp://example.com", events = new[] { "build.created" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["url", "events[0]"], problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Create_LoopbackUrlWhenPrivateNetworksNotAllowed_400NamingTheSetting()
    {
        await using var s = await WebhookScenario.StartAsync(allowPrivateNetworks: false);

        var response = await s.Admin.PostAsJsonAsync(new Uri($"/api/services/{s.Service}/webhooks", UriKind.Relative), new { url = s.Receiver.Url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("loopback", text, StringComparison.Ordinal);
        Assert.Contains("Mage__Webhooks__AllowPrivateNetworks", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Existing_NoContentThenNotFound()
    {
        await using var s = await WebhookScenario.StartAsync();
        var (id, _) = await s.SubscribeAsync();
        var path = new Uri($"/api/services/{s.Service}/webhooks/{id}", UriKind.Relative);

        Assert.Equal(HttpStatusCode.NoContent, (await s.Admin.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Admin.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Admin.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Admin.GetAsync(new Uri($"/api/services/{s.Service}/webhooks/{id}/deliveries", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Redeliver_UnknownDelivery_404()
    {
        await using var s = await WebhookScenario.StartAsync();
        var (id, _) = await s.SubscribeAsync();

        var response = await s.Admin.PostAsync(new Uri($"/api/services/{s.Service}/webhooks/{id}/deliveries/msg_00000000000000000000000000000000/redeliver", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("delivery msg_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signature_RealDelivery_VerifiesWithSigner()
    {
        await using var s = await WebhookScenario.StartAsync();
        var (_, secret) = await s.SubscribeAsync();
        var accepted = await s.Api.SubmitAcceptedAsync(s.Service, "v1", BuildWebhookTests.Trivial);
        await s.Api.WaitForEndAsync(accepted.Id);

        var request = (await s.Receiver.WaitForAsync(1))[0];

        Assert.True(WebhookSigner.Verify(secret, request.Header("webhook-id")!, long.Parse(request.Header("webhook-timestamp")!, System.Globalization.CultureInfo.InvariantCulture), request.Body, request.Header("webhook-signature")!));
    }
}
