using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mage.Testing;

/// <summary>A logger that keeps every formatted message (with its exception), to check that no secret is logged.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{eventId.Id} {formatter(state, exception)} {exception}");
}
