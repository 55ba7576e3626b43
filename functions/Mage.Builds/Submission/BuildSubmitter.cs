using Mage.Builds.Drivers;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Catalog;
using Mage.Manifests;
using Mage.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Mage.Builds.Submission;

/// <summary>
/// The build trigger's logic: validate tag and manifest, check prerequisites (the driver, and what
/// <see cref="IBuildPreparation"/> asks: for a Mage service its configuration version, repository
/// and token), take the default manifest when the request has none, record the build (numbered,
/// tag-locked, idempotent, with its configuration version), register its jobs, schedule its orchestration.
/// </summary>
/// <remarks>
/// Safe to repeat: with the same idempotency key the earlier build comes back, and scheduling
/// the same instance twice is refused by the runtime, so a retry never makes a second build.
/// </remarks>
public sealed class BuildSubmitter(ServiceCatalog services, BuildStore builds, JobStore jobs, ManifestArchive manifests, DriverRegistry drivers,
    DurableTaskClient durable, StorageReadiness readiness, IOptions<MageOptions> options, IBuildPreparation preparation)
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

        // Bad input (400) is answered before missing prerequisites (422): a request's own
        // manifest is checked first; a default manifest only once the build is known to be a Mage build.
        var ownManifest = !string.IsNullOrWhiteSpace(request.Manifest);
        var validation = ownManifest ? ManifestValidator.Validate(request.Manifest!, settings.ManifestLimits) : null;
        errors.AddRange(validation?.Errors ?? []);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var prepared = await preparation.PrepareAsync(record, request, cancellationToken);
        if (prepared.Missing is { } missing)
        {
            return new SubmitOutcome.MissingPrerequisite(missing);
        }

        var yaml = ownManifest ? request.Manifest! : prepared.DefaultManifest;
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return new SubmitOutcome.MissingPrerequisite(
                $"service {service} has no default manifest; send \"manifest\" with the YAML, or set \"defaultManifest\" on the service (PUT /api/services/{service}).");
        }

        validation ??= ManifestValidator.Validate(yaml, settings.ManifestLimits);
        errors.AddRange(validation.Errors);
        if (errors.Count > 0 || validation.Plan is null)
        {
            return Invalid(errors);
        }

        var plan = validation.Plan;
        if (!drivers.IsEnabled(plan.Driver.Type))
        {
            return new SubmitOutcome.MissingPrerequisite($"driver {plan.Driver.Type} is not enabled on this deployment (enabled: {string.Join(", ", drivers.EnabledTypes.Order())}).");
        }

        BuildCreation creation;
        try
        {
            creation = await builds.CreateAsync(new NewBuild(service, request.Tag!, request.Comment, prepared.ConfigurationVersion, idempotencyKey), cancellationToken);
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
                new StartOrchestrationOptions(InstanceId: build.Id), cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The engine refuses an instance id that exists: a repeated request (same idempotency key) after the first one scheduled it.
            // Anything else is a real failure.
            if (await durable.GetInstanceAsync(build.Id, cancellationToken) is null)
            {
                throw;
            }
        }

        return new SubmitOutcome.Accepted(build, creation.Created);
    }

    private static SubmitOutcome.Invalid Invalid(List<ManifestDiagnostic> errors) =>
        new(errors.Count == 1 ? errors[0].Message : $"The build request has {errors.Count} problems.", errors);
}
