using Mage.Durable.TestWorker.Activities;

namespace Mage.Durable.TestWorker.Orchestrations;

/// <summary>Calls <see cref="NoopActivity"/> <c>input</c> times, one after another; returns the count.</summary>
public sealed class ChainOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        int done = 0;
        for (int i = 0; i < input; i++)
        {
            done += await context.CallActivityAsync<int>(nameof(NoopActivity), 1);
        }

        return done;
    }
}
