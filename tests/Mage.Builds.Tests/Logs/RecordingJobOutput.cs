using System.Text;
using Mage.Builds.Logs;

namespace Mage.Builds.Tests.Logs;

/// <summary>An in-memory sink that records every write, every flush boundary and completion. Thread-safe.</summary>
internal sealed class RecordingJobOutput : IJobOutput
{
    private readonly Lock gate = new();
    private readonly MemoryStream all = new();
    private readonly List<byte[]> writes = [];
    private readonly List<(long Position, DateTimeOffset At)> flushes = [];

    public bool Completed { get; private set; }

    public byte[] Bytes
    {
        get
        {
            lock (gate)
            {
                return all.ToArray();
            }
        }
    }

    public string Text => Encoding.UTF8.GetString(Bytes);

    public IReadOnlyList<byte[]> Writes
    {
        get
        {
            lock (gate)
            {
                return [.. writes];
            }
        }
    }

    public IReadOnlyList<(long Position, DateTimeOffset At)> Flushes
    {
        get
        {
            lock (gate)
            {
                return [.. flushes];
            }
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            all.Write(data.Span);
            writes.Add(data.ToArray());
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            flushes.Add((all.Length, DateTimeOffset.UtcNow));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        Completed = true;
        return ValueTask.CompletedTask;
    }

    public async Task WaitForTextAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!Text.Contains(text, StringComparison.Ordinal))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"'{text}' did not appear in the output: {Text}");
            }

            await Task.Delay(20);
        }
    }
}
