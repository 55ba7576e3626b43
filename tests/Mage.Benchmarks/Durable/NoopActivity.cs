namespace Mage.Benchmarks.Durable;

/// <summary>Does nothing, so the figures measure the engine and backend alone.</summary>
public sealed class NoopActivity : Mage.Durable.TaskActivity<int, int>
{
    public override Task<int> RunAsync(Mage.Durable.TaskActivityContext context, int input) => Task.FromResult(input + 1);
}
