using Mage.Durable.Tests.Activities;
using Mage.Durable.Tests.Orchestrations;
using Mage.Durable.Worker;

namespace Mage.Durable.Tests.Infrastructure;

/// <summary>Registers the orchestrators and activities every conformance test may use.</summary>
public static class TestTasks
{
    public static void Register(DurableTaskBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddOrchestrator<SequenceOrchestrator>()
            .AddOrchestrator<FanOutOrchestrator>()
            .AddOrchestrator<TimerOrchestrator>()
            .AddOrchestrator<CancelledTimerOrchestrator>()
            .AddOrchestrator<RaceOrchestrator>()
            .AddOrchestrator<EventOrchestrator>()
            .AddOrchestrator<GateOrchestrator>()
            .AddOrchestrator<FailureOrchestrator>()
            .AddOrchestrator<RetryOrchestrator>()
            .AddOrchestrator<KitchenSinkOrchestrator>()
            .AddOrchestrator<LargePayloadOrchestrator>()
            .AddOrchestrator<AffinityOrchestrator>()
            .AddOrchestrator<ReplayAwareOrchestrator>()
            .AddActivity<EchoActivity>()
            .AddActivity<SquareActivity>()
            .AddActivity<FailActivity>()
            .AddActivity<FlakyActivity>()
            .AddActivity<GateActivity>()
            .AddActivity<WhoAmIActivity>();
    }
}
