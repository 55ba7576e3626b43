namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Squares 1..input in parallel and sums the results.</summary>
public sealed class FanOutOrchestrator : TaskOrchestrator<int, long>
{
    public override async Task<long> RunAsync(TaskOrchestrationContext context, int input)
    {
        Task<long>[] calls = [.. Enumerable.Range(1, input).Select(i => context.CallActivityAsync<long>("SquareActivity", i))];
        long[] squares = await Task.WhenAll(calls);
        return squares.Sum();
    }
}
