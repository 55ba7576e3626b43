using Mage.Builds.Activities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the namespace of AddMageBuilds, so the app registers webhooks with one line.
namespace Mage.Builds;

/// <summary>Registers webhook subscriptions, the status observer that records events, and the background dispatcher.</summary>
public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="Webhooks.WebhookOptions"/> (from <c>Mage:TaskHub</c> and <c>Mage:Webhooks:*</c>), the
    /// stores, the sender, <see cref="Webhooks.WebhookStatusObserver"/> as an <see cref="IBuildStatusObserver"/>
    /// and <see cref="Webhooks.WebhookDispatcherService"/>. Needs singletons of <see cref="Storage.StorageClients"/>,
    /// <c>SecretProtector</c> and <c>IVariableStore</c>; uses the registered <see cref="TimeProvider"/> (system clock by default).
    /// </summary>
    public static IServiceCollection AddMageWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => Webhooks.WebhookOptions.FromConfiguration(configuration));
        services.AddSingleton<Webhooks.WebhookStorage>();
        services.AddSingleton<Webhooks.WebhookSubscriptionStore>();
        services.AddSingleton<Webhooks.WebhookDeliveryStore>();
        services.AddSingleton<Webhooks.WebhookTargetGuard>();
        services.AddSingleton<Webhooks.WebhookSender>();
        services.AddSingleton<Webhooks.WebhookDispatcher>();
        services.AddSingleton<IBuildStatusObserver, Webhooks.WebhookStatusObserver>();
        services.AddHostedService<Webhooks.WebhookDispatcherService>();
        return services;
    }
}
