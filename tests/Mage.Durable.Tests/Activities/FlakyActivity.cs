using Mage.Durable.Tests.Infrastructure;

namespace Mage.Durable.Tests.Activities;

/// <summary>Fails the first <c>input</c> calls per instance, then succeeds; records each attempt time.</summary>
public sealed class FlakyActivity(ActivityProbe probe) : TaskActivity<int, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, int input)
    {
        int attempt = probe.Record("flaky:" + context.InstanceId);
        return attempt <= input
            ? throw new TimeoutException($"boom {attempt}")
            : Task.FromResult($"ok after {attempt}");
    }
}
