using System.Globalization;

namespace Mage.Manifests;

/// <summary>Compiles a valid <see cref="Manifest"/> into the <see cref="ExecutionPlan"/> the orchestrator runs.</summary>
public static class PlanCompiler
{
    /// <summary>Name of the builtin first stage.</summary>
    public const string SetupStageName = "setup";

    /// <summary>Name of the builtin job that creates the driver.</summary>
    public const string CreateDriverJobName = "create-driver";

    /// <summary>Name of the builtin job cloning source <paramref name="number"/> (1-based, as djinn v1.3.0).</summary>
    public static string CloneJobName(int number) => "clone." + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The names the setup stage uses for a manifest with <paramref name="sourceCount"/> sources.</summary>
    public static IEnumerable<string> BuiltinJobNames(int sourceCount) =>
        Enumerable.Range(1, sourceCount).Select(CloneJobName).Prepend(CreateDriverJobName);

    /// <summary>
    /// Compiles <paramref name="manifest"/>. Call it on a manifest without lint errors: jobs of
    /// stages that are not listed are left out (as djinn does), and a missing driver throws.
    /// </summary>
    public static ExecutionPlan Compile(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var driver = manifest.Driver ?? throw new ArgumentException("the manifest has no driver; lint it first", nameof(manifest));

        var stages = new List<PlanStage> { SetupStage(manifest.Sources) };
        var allowFailures = manifest.AllowFailures.ToHashSet(StringComparer.Ordinal);
        foreach (var stage in manifest.Stages.Distinct(StringComparer.Ordinal))
        {
            var jobs = manifest.Jobs
                .Where(j => j.Stage == stage)
                .Select(j => new PlanJob(
                    j.Name,
                    j.Commands.Count == 0 ? string.Empty : JobScript.Render(j.Commands),
                    j.Artifacts,
                    j.Timeout,
                    IsBuiltin: false,
                    PlanJobKind.Script,
                    Source: null))
                .ToList();
            stages.Add(new PlanStage(stage, allowFailures.Contains(stage), jobs));
        }

        return new ExecutionPlan(driver, manifest.Env, manifest.Objects, manifest.Sources, manifest.Timeout, stages);
    }

    private static PlanStage SetupStage(IReadOnlyList<ManifestSource> sources)
    {
        var jobs = new List<PlanJob>
        {
            new(CreateDriverJobName, string.Empty, [], null, IsBuiltin: true, PlanJobKind.CreateDriver, Source: null),
        };
        for (var i = 0; i < sources.Count; i++)
        {
            jobs.Add(new PlanJob(CloneJobName(i + 1), JobScript.Render(CloneCommands(sources[i])), [], null,
                IsBuiltin: true, PlanJobKind.Clone, sources[i]));
        }

        return new PlanStage(SetupStageName, CanFail: false, jobs);
    }

    /// <summary>
    /// Like djinn's offline runner: clone quietly, check out only when a ref is given.
    /// Words are quoted because they come from the manifest; <c>--</c> keeps a URL from being read as an option.
    /// </summary>
    internal static IEnumerable<string> CloneCommands(ManifestSource source)
    {
        var dir = ShellQuote.Quote(source.Directory);
        yield return $"git clone -q -- {ShellQuote.Quote(source.Url)} {dir}";
        if (!string.IsNullOrEmpty(source.Ref))
        {
            yield return $"cd {dir}";
            yield return $"git checkout -q {ShellQuote.Quote(source.Ref)}";
        }
    }
}
