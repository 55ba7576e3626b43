using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Mage.Builds.Tests.Activities;

/// <summary>
/// A storage outage staged in front of the real emulator: while <see cref="Down"/>, every request of
/// the clients it is added to fails as storage fails when it is overloaded (503, after the SDK's
/// retries); otherwise requests go through to Azurite untouched.
/// </summary>
internal sealed class StorageOutage : HttpPipelinePolicy
{
    private int _requests;
    private long _firstRefused;

    /// <summary>Whether storage is failing now.</summary>
    public bool Down { get; set; }

    /// <summary>How many requests were sent (failed ones included).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>When the first request failed (<see cref="System.Diagnostics.Stopwatch"/> timestamp), or null.</summary>
    public long? FirstRefused => Volatile.Read(ref _firstRefused) is var at and not 0 ? at : null;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count();
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count();
        return ProcessNextAsync(message, pipeline);
    }

    private void Count()
    {
        Interlocked.Increment(ref _requests);
        if (Down)
        {
            Interlocked.CompareExchange(ref _firstRefused, System.Diagnostics.Stopwatch.GetTimestamp(), 0);
            throw new RequestFailedException(503, "The server is busy (a storage outage staged by the test).", "ServerBusy", null);
        }
    }
}
