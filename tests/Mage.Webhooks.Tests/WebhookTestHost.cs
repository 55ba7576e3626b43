using System.Security.Cryptography;
using Mage.Builds.Activities;
using Mage.Builds.Records;
using Mage.Catalog;
using Mage.Catalog.Secrets;
using Mage.Testing;
using Mage.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mage.Webhooks.Tests;

/// <summary>
/// The webhook services as the standalone app registers them (<c>AddMageWebhooks</c> and the hosted
/// dispatcher loop), running against the test run's Azurite, with a test clock. Several hosts over the same
/// <see cref="WebhookTestStorage"/> behave like several app instances, or like one app restarted.
/// </summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private WebhookTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public WebhookSubscriptionStore Subscriptions => Services.GetRequiredService<WebhookSubscriptionStore>();

    public WebhookDeliveryStore Deliveries => Services.GetRequiredService<WebhookDeliveryStore>();

    public IBuildStatusObserver Observer => Services.GetServices<IBuildStatusObserver>().OfType<WebhookStatusObserver>().Single();

    public static async Task<WebhookTestHost> StartAsync(WebhookTestStorage storage, TestClock clock, bool allowPrivateNetworks = true, TimeSpan? attemptTimeout = null)
    {
        var azurite = await TestAzurite.GetAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mage:TaskHub"] = storage.TaskHub,
            ["Mage:Webhooks:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
            ["Mage:Webhooks:PollInterval"] = "00:00:00.050",
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(azurite.Clients());
        builder.Services.AddSingleton(storage.Protector);
        builder.Services.AddSingleton(new CatalogOptions { TaskHub = storage.TaskHub });
        builder.Services.AddSingleton<CatalogStorage>();
        builder.Services.AddSingleton<IVariableStore, VariableStore>();
        builder.Services.AddMageWebhooks(configuration);
        // The loop is the host's to add (the standalone app does the same); the Functions worker uses a timer instead.
        builder.Services.AddHostedService<WebhookDispatcherService>();
        if (attemptTimeout is { } timeout)
        {
            // The last registration wins: a short limit so a hanging receiver costs the test little.
            builder.Services.AddSingleton(WebhookOptions.FromConfiguration(configuration) with { AttemptTimeout = timeout });
        }

        var host = builder.Build();
        await host.StartAsync();
        return new WebhookTestHost(host);
    }

    public static BuildRecord Build(string service, string status, string? id = null, string? error = null) => new()
    {
        Id = id ?? BuildId.Create(service, 1),
        Service = service,
        Number = 1,
        Tag = "v1.0.0",
        Status = status,
        CreatedAt = new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero),
        StartedAt = status == BuildStatus.Queued ? null : new DateTimeOffset(2026, 3, 1, 11, 0, 1, TimeSpan.Zero),
        FinishedAt = BuildStatus.IsTerminal(status) ? new DateTimeOffset(2026, 3, 1, 11, 0, 9, TimeSpan.Zero) : null,
        Error = error,
    };

    /// <summary>Waits until a delivery satisfies <paramref name="condition"/>; fails after 30 s.</summary>
    public async Task<WebhookDelivery> WaitForDeliveryAsync(string service, string webhookId, string deliveryId, Func<WebhookDelivery, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        WebhookDelivery? delivery;
        do
        {
            delivery = await Deliveries.GetAsync(service, webhookId, deliveryId, CancellationToken.None);
            if (delivery is not null && condition(delivery))
            {
                return delivery;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"delivery {deliveryId}: {delivery}");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>A task hub and encryption key of their own, shared by the hosts of one test.</summary>
internal sealed record WebhookTestStorage(string TaskHub, SecretProtector Protector)
{
    public static WebhookTestStorage Create() => new(TestNames.Unique("wh"), new SecretProtector(RandomNumberGenerator.GetBytes(32)));
}
