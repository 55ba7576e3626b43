using Mage.Builds.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Worker.Durable;

/// <summary>
/// <see cref="BuildOrchestrator"/> as a Durable Functions orchestration trigger, under the name the
/// build submitter schedules (<c>nameof(BuildOrchestrator)</c>). The orchestrator instance comes
/// from DI, a fresh one per episode, as the standalone engine's <c>ShimCreator</c>
/// resolves it, so both hosts replay the same code.
/// </summary>
/// <remarks>
/// Deterministic like the orchestrator it calls: it only reads the input and awaits durable tasks.
/// The Durable Functions middleware fails an episode that awaits anything else.
/// </remarks>
public sealed class BuildOrchestrationFunction(IServiceProvider services)
{
    /// <summary>The function (and orchestration) name: the class name, as <see cref="Mage.Functions.Hosting.Durable.BuildTasks"/> registers it.</summary>
    public const string Name = nameof(BuildOrchestrator);

    /// <summary>One episode of a build: the orchestrator run on <paramref name="context"/> with the instance's input.</summary>
    /// <exception cref="InvalidOperationException">The instance has no input (it was not scheduled by the build submitter).</exception>
    [Function(Name)]
    public Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<BuildOrchestrationInput>()
            ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no {nameof(BuildOrchestrationInput)}: builds are scheduled by POST /api/services/{{service}}/builds, not by hand.");
        return services.GetRequiredService<BuildOrchestrator>().RunAsync(context, input);
    }
}
