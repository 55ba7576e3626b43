namespace Mage.Durable.Tests.Orchestrations;

/// <summary>The timeout pattern: WhenAny of an activity and a timer; the loser is ignored, the timer cancelled.</summary>
public sealed class RaceOrchestrator : TaskOrchestrator<RaceInput, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, RaceInput input)
    {
        using var cts = new CancellationTokenSource();
        Task timer = context.CreateTimer(input.Timeout, cts.Token);
        Task<int> work = context.CallActivityAsync<int>(input.Activity, 7);
        Task winner = await Task.WhenAny(work, timer);
        if (winner == work)
        {
            cts.Cancel();
            return $"activity:{await work}";
        }

        return "timeout";
    }
}
