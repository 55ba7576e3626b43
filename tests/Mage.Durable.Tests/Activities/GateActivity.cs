using Mage.Durable.Tests.Infrastructure;

namespace Mage.Durable.Tests.Activities;

/// <summary>Blocks until the probe's gate opens (or the worker aborts it), then returns its input.</summary>
public sealed class GateActivity(ActivityProbe probe) : TaskActivity<int, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, int input)
    {
        probe.Record("gate:started");
        await probe.Gate.Task.WaitAsync(context.CancellationToken);
        probe.Record("gate:finished");
        return input;
    }
}
