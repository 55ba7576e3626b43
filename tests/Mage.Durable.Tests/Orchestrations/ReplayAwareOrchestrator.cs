using Microsoft.Extensions.Logging;

namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Uses the replay-safe APIs: NewGuid and time must be identical on replay, logs written once.</summary>
public sealed class ReplayAwareOrchestrator : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int input)
    {
        ILogger logger = context.CreateReplaySafeLogger<ReplayAwareOrchestrator>();
        Guid first = context.NewGuid();
        DateTime started = context.CurrentUtcDateTime;
        var guids = new List<Guid> { first };
        for (int i = 0; i < input; i++)
        {
            logger.LogInformation("step {Step}", i);
            await context.CallActivityAsync<string>("EchoActivity", first.ToString());
            guids.Add(context.NewGuid());
        }

        return $"{string.Join(",", guids)}@{started:O}";
    }
}
