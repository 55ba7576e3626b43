namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Creates a one-day timer, cancels it, and finishes without waiting for it.</summary>
public sealed class CancelledTimerOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        using var cts = new CancellationTokenSource();
        Task timer = context.CreateTimer(TimeSpan.FromDays(1), cts.Token);
        string echoed = await context.CallActivityAsync<string>("EchoActivity", input);
        cts.Cancel();
        try
        {
            await timer;
            return "timer fired";
        }
        catch (TaskCanceledException)
        {
            return "cancelled:" + echoed;
        }
    }
}
