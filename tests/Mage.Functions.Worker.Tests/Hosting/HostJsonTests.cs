using System.Text.Json.Nodes;
using Mage.Functions.Hosting.Durable;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Hosting;

/// <summary>host.json, as the worker's build output carries it: the engine settings of the standalone host.</summary>
public sealed class HostJsonTests
{
    private static readonly JsonNode HostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(FunctionMetadata.WorkerOutput, "host.json")))!;

    [Fact]
    public void DurableTask_Settings_AreTheStandaloneEngineDefaults()
    {
        var defaults = new DurableEngineOptions();
        var durable = HostJson["extensions"]!["durableTask"]!;
        var storage = durable["storageProvider"]!;

        Assert.Equal("%Mage__TaskHub%", (string?)durable["hubName"]);
        Assert.Equal("AzureStorage", (string?)storage["type"]);
        Assert.Equal("AzureWebJobsStorage", (string?)storage["connectionName"]);
        Assert.Equal(defaults.PartitionCount, (int)storage["partitionCount"]!);
        Assert.Equal(defaults.MaxQueuePollingInterval, TimeSpan.Parse((string)storage["maxQueuePollingInterval"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(defaults.ControlQueueVisibility, TimeSpan.Parse((string)storage["controlQueueVisibilityTimeout"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(defaults.WorkItemVisibility, TimeSpan.Parse((string)storage["workItemQueueVisibilityTimeout"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(defaults.ExtendedSessions, (bool)durable["extendedSessionsEnabled"]!);
        Assert.Equal(defaults.ExtendedSessionIdleTimeout, TimeSpan.FromSeconds((int)durable["extendedSessionIdleTimeoutInSeconds"]!));
        Assert.Equal(defaults.MaxConcurrentActivities, (int)durable["maxConcurrentActivityFunctions"]!);
        Assert.Equal(defaults.MaxConcurrentOrchestrations, (int)durable["maxConcurrentOrchestratorFunctions"]!);
        Assert.False((bool)durable["useAppLease"]!);
    }

    [Fact]
    public void FunctionTimeout_OutlastsAnHourLongBuild()
    {
        var timeout = TimeSpan.Parse((string)HostJson["functionTimeout"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(timeout > TimeSpan.FromHours(1), $"functionTimeout {timeout} would cut off an hour-long job activity");
    }

    [Fact]
    public void BuildOutput_HasTheHostSideDurableExtension()
    {
        var extensions = File.ReadAllText(Path.Combine(FunctionMetadata.WorkerOutput, "extensions.json"));

        Assert.Contains("Microsoft.Azure.WebJobs.Extensions.DurableTask", extensions, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(FunctionMetadata.WorkerOutput, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.DurableTask.dll")));
    }
}
