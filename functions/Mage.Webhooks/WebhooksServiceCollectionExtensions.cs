using Mage.Builds.Activities;
using Mage.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mage.Webhooks;

/// <summary>Registers webhook subscriptions, the status observer that records events, and the dispatcher.</summary>
public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="WebhookOptions"/> (from <c>Mage:TaskHub</c> and <c>Mage:Webhooks:*</c>), the
    /// stores, the sender, <see cref="WebhookStatusObserver"/> as an <see cref="IBuildStatusObserver"/>
    /// and <see cref="WebhookDispatcher"/>, singletons. The loop that dispatches (<see cref="WebhookDispatcherService"/>)
    /// is the host's to add: the standalone app runs it as a hosted service, the Functions worker from a timer. Needs singletons of <see cref="Mage.Storage.StorageClients"/>,
    /// <c>SecretProtector</c> and <c>IVariableStore</c>; uses the registered <see cref="TimeProvider"/> (system clock by default).
    /// </summary>
    public static IServiceCollection AddMageWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => WebhookOptions.FromConfiguration(configuration));
        services.AddStorageSetup<WebhookStorage>();
        services.AddSingleton<WebhookSubscriptionStore>();
        services.AddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<WebhookTargetGuard>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<IBuildStatusObserver, WebhookStatusObserver>();
        return services;
    }
}
