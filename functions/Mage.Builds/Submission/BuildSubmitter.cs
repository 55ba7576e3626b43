using Mage.Builds.Catalog;
using Mage.Builds.Drivers;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Durable;
using Mage.Manifests;
using Microsoft.Extensions.Options;

namespace Mage.Builds.Submission;

/// <summary>
/// The build trigger's logic: validate tag and manifest, check prerequisites, record the build
/// (numbered, tag-locked, idempotent), register its jobs, schedule its orchestration.
/// </summary>
/// <remarks>
/// Safe to repeat: with the same idempotency key the earlier build comes back, and scheduling
/// the same instance twice is refused by the runtime, so a retry never makes a second build.
/// </remarks>
public sealed class BuildSubmitter(ServiceCatalog services, BuildStore builds, JobStore jobs, ManifestArchive manifests, DriverRegistry drivers,
    DurableTaskClient durable, BuildStorageReadiness readiness, IOptions<MageOptions> options)
{
    /// <summary>Submits a build for <paramref name="service"/>.</summary>
    public async Task<SubmitOutcome> SubmitAsync(string service, BuildRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!await readiness.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken))
        {
            return new SubmitOutcome.StorageUnavailable("Storage is not reachable, so the build was not recorded; try again shortly (GET /api/health tells when storage is back).");
        }

        var record = await services.GetAsync(service, cancellationToken);
        if (record is null)
        {
            return new SubmitOutcome.UnknownService(service);
        }

        var errors = new List<ManifestDiagnostic>();
        if (BuildTags.Validate(request.Tag) is { } tagProblem)
        {
            errors.Add(new ManifestDiagnostic("tag", 0, 0, DiagnosticSeverity.Error, tagProblem));
        }

        var yaml = string.IsNullOrWhiteSpace(request.Manifest) ? record.DefaultManifest : request.Manifest;
        if (string.IsNullOrWhiteSpace(yaml))
        {
            errors.Add(new ManifestDiagnostic("manifest", 0, 0, DiagnosticSeverity.Error,
                $"manifest is required: service {service} has no default manifest; send \"manifest\" with the YAML, or set \"defaultManifest\" on the service."));
            return new SubmitOutcome.Invalid("The build request is invalid.", errors);
        }

        var validation = ManifestValidator.Validate(yaml, settings.ManifestLimits);
        errors.AddRange(validation.Errors);
        if (errors.Count > 0 || validation.Plan is null)
        {
            return new SubmitOutcome.Invalid(errors.Count == 1 ? errors[0].Message : $"The build request has {errors.Count} problems.", errors);
        }

        var plan = validation.Plan;
        if (!drivers.IsEnabled(plan.Driver.Type))
        {
            return new SubmitOutcome.MissingPrerequisite($"driver {plan.Driver.Type} is not enabled on this deployment (enabled: {string.Join(", ", drivers.EnabledTypes.Order())}).");
        }

        BuildCreation creation;
        try
        {
            creation = await builds.CreateAsync(new NewBuild(service, request.Tag!, request.Comment, request.ConfigurationVersion, idempotencyKey), cancellationToken);
        }
        catch (TagBusyException ex)
        {
            return new SubmitOutcome.TagBusy(ex.Message);
        }

        var build = creation.Build;
        await manifests.SaveAsync(service, build.Number, yaml, cancellationToken);
        await jobs.RegisterAsync(service, build.Number, plan, cancellationToken);
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(nameof(BuildOrchestrator), BuildOrchestrationInput.Create(build, plan, settings),
                new StartOrchestrationOptions(build.Id), cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A repeated request (same idempotency key) after the first one scheduled it.
        }

        return new SubmitOutcome.Accepted(build, creation.Created);
    }
}
