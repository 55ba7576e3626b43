using Microsoft.DurableTask;

namespace Mage.Benchmarks.Durable;

/// <summary>Calls <see cref="EchoActivity"/> <c>input</c> times, one after the other; returns the sum.</summary>
public sealed class ChainOrchestrator : TaskOrchestrator<int, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sum = 0;
        for (var i = 0; i < input; i++)
        {
            sum += await context.CallActivityAsync<int>(nameof(EchoActivity), i);
        }

        return sum;
    }
}
