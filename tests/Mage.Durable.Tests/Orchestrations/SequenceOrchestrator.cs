namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Calls Echo <c>input</c> times in a row; each result feeds the next call.</summary>
public sealed class SequenceOrchestrator : TaskOrchestrator<int, List<string>>
{
    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, int input)
    {
        var results = new List<string>();
        for (int i = 0; i < input; i++)
        {
            results.Add(await context.CallActivityAsync<string>("EchoActivity", $"step-{i}"));
            context.SetCustomStatus(new { done = i + 1 });
        }

        return results;
    }
}
