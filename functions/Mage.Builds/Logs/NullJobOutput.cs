namespace Mage.Builds.Logs;

/// <summary>An <see cref="IJobOutput"/> that drops everything. Thread-safe and stateless.</summary>
public sealed class NullJobOutput : IJobOutput
{
    /// <summary>The single instance.</summary>
    public static NullJobOutput Instance { get; } = new();

    private NullJobOutput()
    {
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask CompleteAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
