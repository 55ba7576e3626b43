using Mage.Durable;

namespace Mage.Benchmarks.Durable;

/// <summary>Calls the no-op activity <c>input</c> times in parallel.</summary>
public sealed class FanOutOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        int[] results = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(nameof(NoopActivity), i)));
        return results.Length;
    }
}
