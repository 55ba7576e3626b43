using Mage.Durable.Tests.Activities;
using Mage.Durable.Tests.Infrastructure;
using Mage.Durable.Tests.Orchestrations;
using Mage.Durable.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mage.Durable.Tests.Unit;

public sealed class HostingTests
{
    [Fact]
    public async Task AddDurableTask_InAHost_RunsOrchestrationsThroughTheHostedWorker()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new ActivityProbe(TimeProvider.System));
        builder.Services.AddDurableTask(b => b
            .UseInMemoryBackend()
            .AddOrchestrator<SequenceOrchestrator>()
            .AddActivity<EchoActivity>()
            .Configure(o => o.WorkerId = "Host 1"));
        using IHost host = builder.Build();
        await host.StartAsync();

        DurableTaskClient client = host.Services.GetRequiredService<DurableTaskClient>();
        string id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 3);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        OrchestrationMetadata done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        await host.StopAsync();

        Assert.Equal(3, done.ReadOutputAs<List<string>>()!.Count);
        Assert.Equal("worker-host-1", host.Services.GetRequiredService<IDurableWorkerIdentity>().QueueName);
        Assert.Equal(typeof(SequenceOrchestrator), host.Services.GetRequiredService<DurableTaskRegistry>().Orchestrators["sequenceorchestrator"]);
    }

    [Fact]
    public void AddOrchestrator_SameNameForAnotherType_Throws()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddDurableTask(b => b
            .AddOrchestrator<VersionOneOrchestrator>("Versioned")
            .AddOrchestrator<VersionTwoOrchestrator>("Versioned")));
    }
}
