using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Catalog;
using Mage.Catalog.Secrets;
using Mage.Codegen;
using Mage.CodeHosts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Mage.CodeHosts;

/// <summary>
/// Step 9: publishes the build's generated code (from <see cref="GeneratedCodeStore"/>, so it runs
/// on the shared work-item queue, on any worker) to the service's repository through its
/// <see cref="ICodeHost"/>, and records the merge request on the build.
/// </summary>
/// <remarks>
/// Idempotent: a build that already records a merge request returns it; otherwise the code host
/// finds its own earlier commit by trailer and reuses the open merge request. Permanent problems
/// (no repository, no generated code, a token GitLab refuses…) come back as
/// <see cref="MergeRequestOutcome.Error"/> so the orchestrator fails the build with that reason at
/// once; transient ones (<see cref="CodeHostException.Transient"/>) are thrown so the call's retry
/// policy runs the step again.
/// </remarks>
public sealed class CreateMergeRequestActivity(
    ServiceCatalog catalog,
    GeneratedCodeStore generated,
    BuildStore builds,
    JobStore jobs,
    CodeHostRegistry hosts,
    MergeRequestOptions options,
    ILogger<CreateMergeRequestActivity> logger) : TaskActivity<CreateMergeRequestInput, MergeRequestOutcome>
{
    /// <inheritdoc />
    public override async Task<MergeRequestOutcome> RunAsync(TaskActivityContext context, CreateMergeRequestInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancellationToken = CancellationToken.None;
        var build = await builds.GetAsync(input.BuildId, cancellationToken) ?? throw new InvalidOperationException($"Build {input.BuildId} does not exist.");
        if (build.MergeRequest is { } recorded)
        {
            return new MergeRequestOutcome(recorded, null);
        }

        if (BuildStatus.IsTerminal(build.Status))
        {
            // A delivery that comes after the build ended (killed, timed out, or failed while this
            // step waited): a finished build opens nothing.
            return Fail(input, $"build {build.Id} already ended ({build.Status}) before its merge request was opened");
        }

        try
        {
            var service = await catalog.GetAsync(build.Service, cancellationToken);
            if (service?.Repository is not { } repository)
            {
                return Fail(input, $"service {build.Service} has no repository configured; set repository (provider, url, targetBranch, token) with PUT /api/services/{build.Service}");
            }

            var files = await generated.LoadAsync(build.Service, build.Number, cancellationToken);
            if (files is null)
            {
                return Fail(input, $"build {build.Id} has no generated code stored (the code generation step did not finish), so there is nothing to publish");
            }

            var token = await catalog.GetRepositoryTokenAsync(build.Service, cancellationToken);
            var host = hosts.Get(repository.Provider);
            var link = $"{options.PublicUrl.TrimEnd('/')}/api/builds/{Uri.EscapeDataString(build.Id)}";
            var change = MergeRequestText.Compose(build, input.ConfigurationVersion, await jobs.ListAsync(build.Service, build.Number, cancellationToken), files, link);
            var mergeRequest = await host.PublishAsync(new CodeHostRepository(repository.Url, repository.Project, repository.TargetBranch, token), change, cancellationToken);
            await builds.SetMergeRequestAsync(build.Id, mergeRequest, cancellationToken);
            CodeHostsLog.StepDone(logger, build.Id, mergeRequest.Url);
            return new MergeRequestOutcome(mergeRequest, null);
        }
        catch (CodeHostException ex) when (!ex.Transient)
        {
            return Fail(input, ex.Message);
        }
        catch (SecretUnprotectException ex)
        {
            return Fail(input, $"the repository token cannot be decrypted ({ex.Message}); store it again with PUT /api/services/{build.Service}");
        }
    }

    private MergeRequestOutcome Fail(CreateMergeRequestInput input, string reason)
    {
        CodeHostsLog.StepFailed(logger, input.BuildId, reason);
        return new MergeRequestOutcome(null, reason);
    }
}
