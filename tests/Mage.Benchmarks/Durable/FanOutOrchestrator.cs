using Microsoft.DurableTask;

namespace Mage.Benchmarks.Durable;

/// <summary>Schedules <c>input</c> calls of <see cref="EchoActivity"/> at once and waits for all; returns the sum.</summary>
public sealed class FanOutOrchestrator : TaskOrchestrator<int, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var results = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(nameof(EchoActivity), i)));
        return results.Sum();
    }
}
