namespace Mage.Durable.TestWorker.Activities;

/// <summary>Returns its input; the unit of work of the benchmarks.</summary>
public sealed class NoopActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}
