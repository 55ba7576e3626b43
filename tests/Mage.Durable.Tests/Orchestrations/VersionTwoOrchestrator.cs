namespace Mage.Durable.Tests.Orchestrations;

/// <summary>An incompatible edit of "Versioned": a different first activity.</summary>
public sealed class VersionTwoOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        long a = await context.CallActivityAsync<long>("SquareActivity", 3);
        await context.WaitForExternalEvent<string>("go");
        string b = await context.CallActivityAsync<string>("EchoActivity", input);
        return a + b;
    }
}
