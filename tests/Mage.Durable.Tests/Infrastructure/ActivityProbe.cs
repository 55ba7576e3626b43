using System.Collections.Concurrent;

namespace Mage.Durable.Tests.Infrastructure;

/// <summary>Shared by the test and the activities of its workers: counts calls, records times, holds gates.</summary>
public sealed class ActivityProbe(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentQueue<(string Key, DateTimeOffset At)> _calls = new();

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Started => _counts.GetValueOrDefault("gate:started");

    public int Record(string key)
    {
        _calls.Enqueue((key, clock.GetUtcNow()));
        return _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    public int Count(string key) => _counts.GetValueOrDefault(key);

    public IReadOnlyList<DateTimeOffset> Times(string key) => [.. _calls.Where(c => c.Key == key).Select(c => c.At)];
}
