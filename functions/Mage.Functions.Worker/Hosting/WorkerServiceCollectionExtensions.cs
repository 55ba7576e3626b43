using Azure.Core.Serialization;
using Mage.Builds.Durable;
using Mage.Builds.Submission;
using Mage.Functions.Hosting;
using Mage.Functions.Worker.Durable;
using Mage.Webhooks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mage.Functions.Worker.Hosting;

/// <summary>Registers the app's services in the isolated worker.</summary>
public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// Adds everything the standalone app has (<see cref="ServiceCollectionExtensions.AddMageFunctions"/>),
    /// routing for <see cref="MageApiPipeline"/>, and the client the Functions host provides. No
    /// background loops are added: timer triggers run that work (<see cref="Timers.StrandedBuildSweepFunction"/>,
    /// <see cref="Timers.WebhookDispatchFunction"/>). No standalone engine is added: the host's
    /// Durable Functions extension runs the task hub, and the app's <see cref="DurableTaskClient"/> is
    /// <see cref="HostDurableTaskClient"/>, bound from <c>[DurableClient]</c>.
    /// </summary>
    public static IServiceCollection AddMageFunctionsWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMageFunctions(configuration);
        services.AddRouting();
        services.AddSingleton<MageApiPipeline>();
        services.AddSingleton<HostDurableTaskClient>();
        services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<HostDurableTaskClient>());

        // Payloads in the task hub's history keep the standalone engine's format (BuildPayloads):
        // the extension derives its data converter from the worker's serializer, and its orchestration
        // runner takes the shim factory from DI, so both are set from the same options.
        // The converters are also set after the extension's own post-configuration (which derives
        // them from the serializer), so the format does not depend on the order startups run in.
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(BuildPayloads.Options));
        services.PostConfigure<DurableTaskWorkerOptions>(o => o.DataConverter = BuildPayloads.Converter);
        services.PostConfigure<DurableTaskClientOptions>(o => o.DataConverter = BuildPayloads.Converter);
        services.RemoveAll<DurableTaskShimFactory>();
        services.AddSingleton(sp => new DurableTaskShimFactory(
            sp.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value, sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }
}
