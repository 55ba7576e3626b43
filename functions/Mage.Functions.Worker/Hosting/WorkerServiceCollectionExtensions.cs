using Mage.Builds.Submission;
using Mage.Builds.Webhooks;
using Mage.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Worker.Hosting;

/// <summary>Registers the app's services in the isolated worker.</summary>
public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// Adds everything the standalone app has (<see cref="ServiceCollectionExtensions.AddMageFunctions"/>),
    /// routing for <see cref="MageApiPipeline"/>, and takes out the loops that timer triggers replace
    /// (<see cref="Timers.StrandedBuildSweepFunction"/>, <see cref="Timers.WebhookDispatchFunction"/>).
    /// </summary>
    public static IServiceCollection AddMageFunctionsWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMageFunctions(configuration);
        services.AddRouting();
        services.AddSingleton<MageApiPipeline>();
        services.RemoveHostedService<StrandedBuildRecovery>();
        services.RemoveHostedService<WebhookDispatcherService>();
        return services;
    }
}
