using Microsoft.DurableTask;

namespace Mage.Benchmarks.Durable;

/// <summary>The cheapest activity: returns its input, so what is measured is the engine's round trip.</summary>
public sealed class EchoActivity : TaskActivity<int, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}
