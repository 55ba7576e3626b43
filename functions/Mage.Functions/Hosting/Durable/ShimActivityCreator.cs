using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using CoreActivity = DurableTask.Core.TaskActivity;

namespace Mage.Functions.Hosting.Durable;

/// <summary>Gives the engine a new activity shim, around a new instance of the activity from DI, for every execution.</summary>
internal sealed class ShimActivityCreator : DurableTask.Core.ObjectCreator<CoreActivity>
{
    private readonly Type _type;
    private readonly IServiceProvider _services;
    private readonly DurableTaskShimFactory _shims;

    public ShimActivityCreator(Type type, IServiceProvider services, DurableTaskShimFactory shims)
    {
        _type = type;
        _services = services;
        _shims = shims;
        Name = type.Name;
        Version = string.Empty;
    }

    public override CoreActivity Create() =>
        _shims.CreateActivity(Name, (ITaskActivity)_services.GetRequiredService(_type));
}
