namespace Mage.Durable.Tests.Activities;

public sealed class SquareActivity : TaskActivity<int, long>
{
    public override Task<long> RunAsync(TaskActivityContext context, int input) => Task.FromResult((long)input * input);
}
