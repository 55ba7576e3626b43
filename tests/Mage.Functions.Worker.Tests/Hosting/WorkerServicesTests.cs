using Mage.Builds.Durable;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Builds.Submission;
using Mage.Functions.Hosting.Durable;
using Mage.Functions.Worker.Durable;
using Mage.Functions.Worker.Tests.Infrastructure;
using Mage.Testing;
using Mage.Webhooks;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mage.Functions.Worker.Tests.Hosting;

/// <summary>What the worker composes: the app's services, without what the Functions host does itself.</summary>
public sealed class WorkerServicesTests
{
    [Fact]
    public async Task AddMageFunctionsWorker_Composed_HasNoStandaloneEngineNorLoops()
    {
        var azurite = await TestAzurite.GetAsync();
        await using var worker = WorkerApp.Create(TestAppSettings.Create(azurite.ConnectionString, "svcs"));

        Assert.NotEmpty(worker.AppHostedServices);
        Assert.DoesNotContain(typeof(StrandedBuildRecovery), worker.AppHostedServices);
        Assert.DoesNotContain(typeof(WebhookDispatcherService), worker.AppHostedServices);
        Assert.DoesNotContain(worker.AppHostedServices, t => t.Namespace == typeof(DurableEngine).Namespace);
        Assert.Null(worker.Services.GetService<DurableEngine>());
        Assert.IsType<HostDurableTaskClient>(worker.Services.GetRequiredService<DurableTaskClient>());
    }

    [Fact]
    public async Task DurableOptions_Composed_UseTheStandaloneEnginePayloadFormat()
    {
        var azurite = await TestAzurite.GetAsync();
        await using var worker = WorkerApp.Create(TestAppSettings.Create(azurite.ConnectionString, "fmt"));
        var payload = new JobResult(BuildStatus.Passed);

        var workerJson = worker.Services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter.Serialize(payload);
        var clientJson = worker.Services.GetRequiredService<IOptions<DurableTaskClientOptions>>().Value.DataConverter.Serialize(payload);

        Assert.Equal(BuildPayloads.Converter.Serialize(payload), workerJson);
        Assert.Equal(workerJson, clientJson);
    }

    [Fact]
    public async Task HostDurableTaskClient_NotBound_FailsSayingWhatToBind()
    {
        var client = new HostDurableTaskClient();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetInstancesAsync("b-1"));

        Assert.False(client.IsBound);
        Assert.Contains("[DurableClient]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostDurableTaskClient_Bound_AnswersFromTheBoundClient()
    {
        await using var hosts = await TwoHosts.StartAsync();
        var client = new HostDurableTaskClient();

        client.Bind(hosts.DurableClient);
        var state = await client.GetInstancesAsync(TestNames.Unique("none"));

        Assert.True(client.IsBound);
        Assert.Null(state);
        Assert.Throws<ArgumentException>(() => client.Bind(client));
    }
}
