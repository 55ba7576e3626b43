using System.Collections.Concurrent;
using System.Reflection;
using Mage.Builds.Durable;
using Mage.Builds.Orchestration;
using Mage.Functions.Hosting.Durable;
using Mage.Functions.Worker.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Worker.Tests.Infrastructure;

/// <summary>
/// Puts the worker's durable functions on the standalone engine: registered after the standalone
/// app's own services, the orchestrator and each activity of <see cref="BuildTasks"/> resolve to an
/// adapter that calls the worker's function method (<see cref="BuildOrchestrationFunction.RunAsync"/>,
/// the <see cref="BuildActivityFunctions"/> method whose <c>[Function]</c> name is the activity's),
/// with the worker's services, as the Functions host would invoke it. The engine still replays
/// from its history; only the entry points change. Counts every entry.
/// </summary>
public sealed class FunctionEntryPoints(IServiceProvider workerServices)
{
    /// <summary>The worker's root services, which the function classes are created from.</summary>
    public IServiceProvider WorkerServices { get; } = workerServices;

    /// <summary>Entries per function name.</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>Registers the adapters under the orchestrator's and activities' types, which is how the standalone engine resolves them.</summary>
    public void Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The engine resolves by the class's type and casts to ITaskOrchestrator/ITaskActivity, so an
        // adapter can stand in for the sealed class under its type.
        services.AddTransient(typeof(BuildOrchestrator), _ => new OrchestratorEntry(this));
        foreach (var activity in BuildTasks.Activities)
        {
            services.AddTransient(activity, _ => new ActivityEntry(this, ActivityMethod(activity.Name)));
        }
    }

    private void Count(string name) => Calls.AddOrUpdate(name, 1, (_, n) => n + 1);

    private static MethodInfo ActivityMethod(string name) => typeof(BuildActivityFunctions).GetMethods()
        .Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == name);

    private sealed class OrchestratorEntry(FunctionEntryPoints entries) : ITaskOrchestrator
    {
        public Type InputType => typeof(BuildOrchestrationInput);

        public Type OutputType => typeof(string);

        public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
        {
            entries.Count(BuildOrchestrationFunction.Name);
            var function = ActivatorUtilities.CreateInstance<BuildOrchestrationFunction>(entries.WorkerServices);
            return await function.RunAsync(context);
        }
    }

    private sealed class ActivityEntry(FunctionEntryPoints entries, MethodInfo method) : ITaskActivity
    {
        public Type InputType => method.GetParameters()[0].ParameterType;

        public Type OutputType => method.ReturnType.GetGenericArguments()[0];

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            entries.Count(method.GetCustomAttribute<FunctionAttribute>()!.Name);
            await using var scope = entries.WorkerServices.CreateAsyncScope();
            var functionContext = new TestFunctionContext(scope.ServiceProvider,
                new Dictionary<string, object?> { [BuildActivityFunctions.InstanceIdBindingKey] = context.InstanceId });
            var function = ActivatorUtilities.CreateInstance<BuildActivityFunctions>(scope.ServiceProvider);
            var task = (Task)method.Invoke(function, [input, functionContext])!;
            await task;
            return task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
        }
    }
}
