namespace Mage.Durable.Tests.Activities;

/// <summary>Always throws, from a named method so the stack trace can be asserted.</summary>
public sealed class FailActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => ThrowDiskFull(input);

    private static Task<string> ThrowDiskFull(string input) => throw new InvalidOperationException($"disk full: {input}");
}
