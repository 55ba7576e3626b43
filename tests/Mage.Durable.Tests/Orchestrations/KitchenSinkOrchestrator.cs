namespace Mage.Durable.Tests.Orchestrations;

/// <summary>Touches every message kind: start, activity result, activity failure, timer, two events.</summary>
public sealed class KitchenSinkOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        string echoed = await context.CallActivityAsync<string>("EchoActivity", input);
        int failures = 0;
        try
        {
            await context.CallActivityAsync<string>("FailActivity", input);
        }
        catch (TaskFailedException)
        {
            failures++;
        }

        await context.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
        context.SetCustomStatus("waiting");
        int first = await context.WaitForExternalEvent<int>("add");
        int second = await context.WaitForExternalEvent<int>("add");
        return $"{echoed}|{failures}|{first + second}";
    }
}
