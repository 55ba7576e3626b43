namespace Mage.Manifests;

/// <summary>One stage of the plan; its jobs run in order.</summary>
/// <param name="Name">The stage name. The first stage is always the builtin <see cref="PlanCompiler.SetupStageName"/> stage; a manifest may also list a stage of that name, so identify the builtin one by position.</param>
/// <param name="CanFail">True when the stage is in <c>allow_failures</c>: a failed job gives passed_with_failures.</param>
/// <param name="Jobs">The jobs, in manifest order.</param>
public sealed record PlanStage(string Name, bool CanFail, IReadOnlyList<PlanJob> Jobs);
