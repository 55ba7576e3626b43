using Mage.Durable;

namespace Mage.Benchmarks.Durable;

/// <summary>Calls the no-op activity <c>input</c> times in sequence.</summary>
public sealed class ChainOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        int value = 0;
        for (int i = 0; i < input; i++)
        {
            value = await context.CallActivityAsync<int>(nameof(NoopActivity), value);
        }

        return value;
    }
}
