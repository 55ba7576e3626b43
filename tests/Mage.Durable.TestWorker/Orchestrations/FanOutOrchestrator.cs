using Mage.Durable.TestWorker.Activities;

namespace Mage.Durable.TestWorker.Orchestrations;

/// <summary>Calls <see cref="NoopActivity"/> <c>input</c> times in parallel and gathers the results; returns their sum.</summary>
public sealed class FanOutOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calls = new Task<int>[input];
        for (int i = 0; i < input; i++)
        {
            calls[i] = context.CallActivityAsync<int>(nameof(NoopActivity), 1);
        }

        return (await Task.WhenAll(calls)).Sum();
    }
}
