namespace Mage.Manifests;

/// <summary>
/// What the build orchestrator runs, compiled from a valid manifest. Plain records that
/// serialize with System.Text.Json (see <see cref="ExecutionPlanJson"/>); stable for the same manifest.
/// </summary>
/// <param name="Driver">The driver type and its options.</param>
/// <param name="Env">Environment variables from the manifest, in order.</param>
/// <param name="Objects">Objects to place when the driver is created.</param>
/// <param name="Sources">The sources, in order; clone job <c>clone.N</c> clones <c>Sources[N-1]</c>.</param>
/// <param name="BuildTimeout">The manifest's build timeout, or null for the deployment default.</param>
/// <param name="Stages">The setup stage first, then the manifest's stages in order.</param>
public sealed record ExecutionPlan(
    ManifestDriver Driver,
    IReadOnlyList<EnvVariable> Env,
    IReadOnlyList<Passthrough> Objects,
    IReadOnlyList<ManifestSource> Sources,
    TimeSpan? BuildTimeout,
    IReadOnlyList<PlanStage> Stages);
