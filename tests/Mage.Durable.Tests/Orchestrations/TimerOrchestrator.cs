namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Sleeps durably for <c>input</c> and returns the replay-safe time after waking.</summary>
public sealed class TimerOrchestrator : TaskOrchestrator<TimeSpan, DateTime>
{
    public override async Task<DateTime> RunAsync(TaskOrchestrationContext context, TimeSpan input)
    {
        await context.CreateTimer(input, CancellationToken.None);
        return context.CurrentUtcDateTime;
    }
}
