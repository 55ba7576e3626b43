using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mage.Functions.Tests.Infrastructure;
using Mage.Testing;

namespace Mage.Functions.Tests.Endpoints.Webhooks;

/// <summary>
/// The app with webhooks to loopback allowed and a fast dispatcher poll, one fresh service, an
/// admin client and a real receiver on loopback.
/// </summary>
internal sealed class WebhookScenario : IAsyncDisposable
{
    private WebhookScenario(MageAppFactory app, BuildApi api, string service, WebhookReceiver receiver) =>
        (App, Api, Service, Receiver) = (app, api, service, receiver);

    public MageAppFactory App { get; }

    public BuildApi Api { get; }

    public HttpClient Admin => Api.Client;

    public string Service { get; }

    public WebhookReceiver Receiver { get; }

    public static async Task<WebhookScenario> StartAsync(bool allowPrivateNetworks = true, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Mage:Webhooks:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
            ["Mage:Webhooks:PollInterval"] = "00:00:00.100",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        var app = await MageAppFactory.CreateAsync(all);
        var api = new BuildApi(app.CreateAdminClient());
        var service = TestNames.Unique("svc");
        await api.CreateServiceAsync(service);
        return new WebhookScenario(app, api, service, WebhookReceiver.Start());
    }

    /// <summary>Subscribes the receiver; returns the id and the secret.</summary>
    public async Task<(string Id, string Secret)> SubscribeAsync(params string[] events)
    {
        var response = await Admin.PostAsJsonAsync(new Uri($"/api/services/{Service}/webhooks", UriKind.Relative), new { url = Receiver.Url, events = events.Length == 0 ? null : events });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("id").GetString()!, json.RootElement.GetProperty("secret").GetString()!);
    }

    /// <summary>The deliveries of a webhook as JSON (the caller disposes).</summary>
    public async Task<JsonDocument> DeliveriesAsync(string webhookId) =>
        JsonDocument.Parse(await Admin.GetStringAsync(new Uri($"/api/services/{Service}/webhooks/{webhookId}/deliveries", UriKind.Relative)));

    public async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await App.DisposeAsync();
    }
}
