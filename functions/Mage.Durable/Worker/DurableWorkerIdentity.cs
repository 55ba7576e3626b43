using Microsoft.Extensions.Options;

namespace Mage.Durable.Worker;

/// <summary>Identity derived from <see cref="DurableTaskWorkerOptions.WorkerId"/>.</summary>
internal sealed class DurableWorkerIdentity(IOptions<DurableTaskWorkerOptions> options) : IDurableWorkerIdentity
{
    public string WorkerId { get; } = options.Value.WorkerId;

    public string QueueName { get; } = DurableTaskWorkerOptions.QueueNameFor(options.Value.WorkerId);
}
