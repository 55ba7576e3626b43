namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Optionally sleeps first, then collects <c>Count</c> "approval" events in arrival order.</summary>
public sealed class EventOrchestrator : TaskOrchestrator<EventInput, List<string>>
{
    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, EventInput input)
    {
        if (input.SleepFirst > TimeSpan.Zero)
        {
            await context.CreateTimer(input.SleepFirst, CancellationToken.None);
        }

        context.SetCustomStatus("waiting");
        var received = new List<string>();
        for (int i = 0; i < input.Count; i++)
        {
            received.Add(await context.WaitForExternalEvent<string>("Approval"));
        }

        context.SetCustomStatus("done");
        return received;
    }
}
