using Mage.Builds.Artifacts;
using Mage.Builds.Logs;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Catalog;
using Mage.Manifests;
using Microsoft.DurableTask;

namespace Mage.Builds.Activities;

/// <summary>
/// Places the service's uploaded objects into the workspace, on the workspace's worker.
/// Problems (a missing object, a destination outside the workspace) are written to the
/// <c>create-driver</c> log and never fail the build, as in djinn. Idempotent: objects are overwritten.
/// </summary>
public sealed class PlaceObjectsActivity(ObjectStore objects, JobLogs logs) : TaskActivity<PlaceObjectsInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, PlaceObjectsInput input)
    {
        var ct = CancellationToken.None;
        var (service, number) = BuildId.Parse(input.BuildId);
        var log = await logs.OpenAsync(service, number, PlanCompiler.CreateDriverJobName, [], append: true, ct);
        var placedAll = true;
        try
        {
            foreach (var item in input.Objects)
            {
                var found = await objects.OpenReadAsync(service, item.Source, ct);
                if (found is not { } opened)
                {
                    placedAll = false;
                    await log.WriteLineAsync($"[mage] warning: object {item.Source} does not exist for service {service}; upload it with PUT /api/services/{service}/objects/{item.Source}. The build goes on without it.", ct);
                    continue;
                }

                await using (opened.Content)
                {
                    var placement = await ObjectPlacer.PlaceAsync(input.Lease.Handle.Workspace, item.Destination, opened.Content, ct);
                    placedAll &= placement.Refusal is null;
                    await log.WriteLineAsync(placement.Refusal is { } refusal
                        ? $"[mage] warning: object {item.Source} not placed: {refusal}"
                        : $"[mage] placed object {item.Source} => {item.Destination}", ct);
                }
            }
        }
        finally
        {
            await log.CompleteAsync(CancellationToken.None);
        }

        return placedAll;
    }
}
