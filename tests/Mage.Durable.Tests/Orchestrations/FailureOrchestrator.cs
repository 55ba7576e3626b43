namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Calls the failing activity; returns the failure details it caught, or lets it escape when asked.</summary>
public sealed class FailureOrchestrator : TaskOrchestrator<bool, TaskFailureDetails?>
{
    public override async Task<TaskFailureDetails?> RunAsync(TaskOrchestrationContext context, bool input)
    {
        try
        {
            await context.CallActivityAsync<string>("FailActivity", "/var/mage");
            return null;
        }
        catch (TaskFailedException ex) when (input)
        {
            return ex.FailureDetails;
        }
    }
}
