namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Sends its (large) input through an activity and returns it doubled in size.</summary>
public sealed class LargePayloadOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        string echoed = await context.CallActivityAsync<string>("EchoActivity", input);
        return echoed + input;
    }
}
