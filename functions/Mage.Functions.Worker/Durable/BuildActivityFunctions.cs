using Mage.Builds.Activities;
using Mage.Builds.Orchestration;
using Mage.Codegen;
using Mage.CodeHosts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Worker.Durable;

/// <summary>
/// Every activity of <see cref="Mage.Functions.Hosting.Durable.BuildTasks.Activities"/> as a Durable Functions
/// activity trigger, named after its class (the name <see cref="BuildOrchestrator"/> calls). Each
/// resolves its activity from DI, a fresh one per execution as the standalone engine does, and runs
/// it with a <see cref="FunctionsActivityContext"/>.
/// </summary>
public sealed class BuildActivityFunctions
{
    /// <summary>Binding-data key under which the Durable Functions host passes the orchestration's instance id to an activity.</summary>
    public const string InstanceIdBindingKey = "instanceId";

    /// <summary>Records a build status change (running, final).</summary>
    [Function(nameof(UpdateBuildStatusActivity))]
    public Task<bool> UpdateBuildStatusAsync([ActivityTrigger] StatusChange input, FunctionContext context) =>
        RunAsync<UpdateBuildStatusActivity, StatusChange, bool>(input, context);

    /// <summary>Creates the build's driver (its workspace).</summary>
    [Function(nameof(CreateDriverActivity))]
    public Task<DriverLease?> CreateDriverAsync([ActivityTrigger] CreateDriverInput input, FunctionContext context) =>
        RunAsync<CreateDriverActivity, CreateDriverInput, DriverLease?>(input, context);

    /// <summary>Places the service's objects in the workspace.</summary>
    [Function(nameof(PlaceObjectsActivity))]
    public Task<bool> PlaceObjectsAsync([ActivityTrigger] PlaceObjectsInput input, FunctionContext context) =>
        RunAsync<PlaceObjectsActivity, PlaceObjectsInput, bool>(input, context);

    /// <summary>Generates code from the build's configuration version.</summary>
    [Function(nameof(GenerateCodeActivity))]
    public Task<GenerateCodeResult> GenerateCodeAsync([ActivityTrigger] GenerateCodeInput input, FunctionContext context) =>
        RunAsync<GenerateCodeActivity, GenerateCodeInput, GenerateCodeResult>(input, context);

    /// <summary>Runs one stage job.</summary>
    [Function(nameof(RunJobActivity))]
    public Task<JobResult> RunJobAsync([ActivityTrigger] RunJobInput input, FunctionContext context) =>
        RunAsync<RunJobActivity, RunJobInput, JobResult>(input, context);

    /// <summary>Asks the build's running jobs to stop.</summary>
    [Function(nameof(KillJobsActivity))]
    public Task<bool> KillJobsAsync([ActivityTrigger] DriverLease input, FunctionContext context) =>
        RunAsync<KillJobsActivity, DriverLease, bool>(input, context);

    /// <summary>Destroys the build's driver.</summary>
    [Function(nameof(DestroyDriverActivity))]
    public Task<bool> DestroyDriverAsync([ActivityTrigger] DriverLease input, FunctionContext context) =>
        RunAsync<DestroyDriverActivity, DriverLease, bool>(input, context);

    /// <summary>Pushes the generated code and opens the merge request.</summary>
    [Function(nameof(CreateMergeRequestActivity))]
    public Task<MergeRequestOutcome> CreateMergeRequestAsync([ActivityTrigger] CreateMergeRequestInput input, FunctionContext context) =>
        RunAsync<CreateMergeRequestActivity, CreateMergeRequestInput, MergeRequestOutcome>(input, context);

    /// <summary>The orchestration instance id the host bound for this activity execution, or empty when it sent none.</summary>
    public static string InstanceIdOf(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.BindingContext.BindingData.TryGetValue(InstanceIdBindingKey, out var id) && id is not null
            ? id.ToString() ?? string.Empty
            : string.Empty;
    }

    private static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, FunctionContext context)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = context.InstanceServices.GetRequiredService<TActivity>();
        return activity.RunAsync(new FunctionsActivityContext(typeof(TActivity).Name, InstanceIdOf(context)), input);
    }
}
