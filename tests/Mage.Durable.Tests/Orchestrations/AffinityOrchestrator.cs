namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Like a build: the first call picks a worker, later calls are pinned to that worker's queue.</summary>
public sealed class AffinityOrchestrator : TaskOrchestrator<int, List<string>>
{
    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, int input)
    {
        string queue = await context.CallActivityAsync<string>("WhoAmIActivity");
        var seen = new List<string> { queue };
        for (int i = 0; i < input; i++)
        {
            seen.Add(await context.CallActivityAsync<string>("WhoAmIActivity", null, TaskOptions.ForQueue(queue)));
        }

        return seen;
    }
}
