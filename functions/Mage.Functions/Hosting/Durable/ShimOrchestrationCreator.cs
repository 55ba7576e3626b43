using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Mage.Functions.Hosting.Durable;

/// <summary>
/// Gives the engine a new <see cref="TaskOrchestration"/> shim, around a new instance of
/// <paramref name="type"/> from DI, for every execution (the engine calls <see cref="Create"/> per episode).
/// </summary>
internal sealed class ShimOrchestrationCreator : ObjectCreator<TaskOrchestration>
{
    private readonly Type _type;
    private readonly IServiceProvider _services;
    private readonly DurableTaskShimFactory _shims;

    public ShimOrchestrationCreator(Type type, IServiceProvider services, DurableTaskShimFactory shims)
    {
        _type = type;
        _services = services;
        _shims = shims;
        Name = type.Name;
        Version = string.Empty;
    }

    public override TaskOrchestration Create() =>
        _shims.CreateOrchestration(Name, (ITaskOrchestrator)_services.GetRequiredService(_type), parent: null);
}
