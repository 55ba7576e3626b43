using Mage.Durable.Backend;
using Mage.Durable.Backend.InMemory;

namespace Mage.Durable.Tests.Conformance;

/// <summary>The conformance suite against <see cref="InMemoryBackend"/>.</summary>
public sealed class InMemoryBackendConformanceTests : OrchestrationBackendConformanceTests
{
    protected override IOrchestrationBackend CreateBackend(TimeProvider clock) =>
        new InMemoryBackend(clock, new InMemoryBackendOptions { IdleReceiveTimeout = TimeSpan.FromMilliseconds(200) });

    protected override bool TryInjectDuplicates(IOrchestrationBackend backend, Func<string, bool> when)
    {
        ((InMemoryBackend)backend).Options.DuplicateWhen = when;
        return true;
    }
}
