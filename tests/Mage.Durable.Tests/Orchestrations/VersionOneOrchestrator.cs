namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Original code of "Versioned": Echo, wait for "go", Echo.</summary>
public sealed class VersionOneOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        string a = await context.CallActivityAsync<string>("EchoActivity", input);
        await context.WaitForExternalEvent<string>("go");
        string b = await context.CallActivityAsync<string>("EchoActivity", input);
        return a + b;
    }
}
