using DurableTask.Core;

namespace Mage.Functions.Hosting.Durable;

/// <summary>
/// Gives the engine a new shim (<typeparamref name="T"/>: a DurableTask.Core orchestration or
/// activity) around a new instance of the task type from DI for every execution: the engine calls
/// <see cref="Create"/> per episode or activity run, so no state outlives one.
/// </summary>
internal sealed class ShimCreator<T> : ObjectCreator<T>
{
    private readonly Type _type;
    private readonly IServiceProvider _services;
    private readonly Func<string, object, T> _shim;

    /// <param name="type">The Microsoft.DurableTask orchestrator or activity; its class name is the task's name.</param>
    /// <param name="services">Where instances of <paramref name="type"/> come from.</param>
    /// <param name="shim">Wraps an instance (by name) in the engine's type.</param>
    public ShimCreator(Type type, IServiceProvider services, Func<string, object, T> shim)
    {
        _type = type;
        _services = services;
        _shim = shim;
        Name = type.Name;
        Version = string.Empty;
    }

    public override T Create() => _shim(Name, _services.GetRequiredService(_type));
}
