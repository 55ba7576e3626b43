using Mage.Builds.Submission;
using Mage.Webhooks;

namespace Mage.Functions.Hosting;

/// <summary>The standalone app's background loops, which the Functions worker runs from timer triggers instead.</summary>
public static class BackgroundLoopsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the stranded-build sweep (<see cref="StrandedBuildRecovery"/>) and webhook dispatch
    /// (<see cref="WebhookDispatcherService"/>) as hosted services. Call after
    /// <see cref="ServiceCollectionExtensions.AddMageFunctions"/> (they start after storage) and
    /// before the durable engine (they stop after it).
    /// </summary>
    public static IServiceCollection AddBackgroundLoops(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<StrandedBuildRecovery>());
        services.AddHostedService<WebhookDispatcherService>();
        return services;
    }
}
