namespace Mage.Durable.Worker;

/// <summary>Name-to-type map of orchestrators and activities (names case-insensitive). Filled at startup, then read-only.</summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<string, Type> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registered orchestrators.</summary>
    public IReadOnlyDictionary<string, Type> Orchestrators => _orchestrators;

    /// <summary>Registered activities.</summary>
    public IReadOnlyDictionary<string, Type> Activities => _activities;

    internal void AddOrchestrator(string name, Type type) => Add(_orchestrators, name, type, "orchestrator");

    internal void AddActivity(string name, Type type) => Add(_activities, name, type, "activity");

    private static void Add(Dictionary<string, Type> map, string name, Type type, string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (map.TryGetValue(name, out Type? existing) && existing != type)
        {
            throw new ArgumentException($"An {kind} named '{name}' is already registered ({existing.FullName}).", nameof(name));
        }

        map[name] = type;
    }
}
