namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Fans out <c>input</c> gate activities (which block until the test opens the gate) and sums them.</summary>
public sealed class GateOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        int[] results = await Task.WhenAll(Enumerable.Range(1, input).Select(i => context.CallActivityAsync<int>("GateActivity", i)));
        return results.Sum();
    }
}
