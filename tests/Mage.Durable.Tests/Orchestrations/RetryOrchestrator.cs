namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Calls the flaky activity with a retry policy built from the input.</summary>
public sealed class RetryOrchestrator : TaskOrchestrator<RetryInput, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, RetryInput input)
    {
        var policy = new RetryPolicy(input.MaxAttempts, input.FirstInterval, input.Backoff, input.MaxInterval, input.Timeout);
        try
        {
            return await context.CallActivityAsync<string>("FlakyActivity", input.FailTimes, TaskOptions.FromRetryPolicy(policy));
        }
        catch (TaskFailedException ex)
        {
            return $"gave up: {ex.FailureDetails.ErrorMessage}";
        }
    }
}
