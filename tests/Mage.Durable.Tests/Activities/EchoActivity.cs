using Mage.Durable.Tests.Infrastructure;

namespace Mage.Durable.Tests.Activities;

public sealed class EchoActivity(ActivityProbe probe) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input)
    {
        probe.Record("echo");
        return Task.FromResult(input);
    }
}
