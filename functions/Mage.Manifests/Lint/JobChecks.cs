namespace Mage.Manifests;

/// <summary>Checks on <c>jobs</c>: stages, unique names, reserved builtin names, timeouts.</summary>
internal static class JobChecks
{
    public static void Check(Manifest manifest, IReadOnlyList<string> jobPaths, ManifestLimits limits, DiagnosticSink sink)
    {
        var stages = manifest.Stages.ToHashSet(StringComparer.Ordinal);
        if (manifest.Jobs.Count > 0 && stages.Count == 0)
        {
            // One error instead of one per job: the fix is the same.
            sink.Error("jobs", "jobs are defined but stages is empty; list the stages in the order they run, e.g. \"stages: [build]\"");
        }

        var builtins = PlanCompiler.BuiltinJobNames(manifest.Sources.Count).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < manifest.Jobs.Count; i++)
        {
            var job = manifest.Jobs[i];
            var path = jobPaths[i];
            if (job.Stage.Length == 0)
            {
                sink.Error($"{path}.stage", $"job has no stage; add \"stage:\" with one of: {string.Join(", ", manifest.Stages)}");
            }
            else if (stages.Count > 0 && !stages.Contains(job.Stage))
            {
                // djinn silently drops such a job; a typo should not silently skip work.
                sink.Error($"{path}.stage",
                    $"stage \"{job.Stage}\" of job \"{job.Name}\" is not listed in stages{Suggestions.DidYouMean(job.Stage, manifest.Stages)}");
            }

            if (names.TryGetValue(job.Name, out var firstPath))
            {
                sink.Error($"{path}.name",
                    $"job name \"{job.Name}\" is already used by {firstPath} (line {ManifestLinter.LineOf(sink.PositionOf(firstPath))}); give one of them a distinct \"name\"");
            }
            else
            {
                names[job.Name] = path;
            }

            if (builtins.Contains(job.Name))
            {
                sink.Error($"{path}.name", $"job name \"{job.Name}\" is taken by a builtin job of the setup stage; give the job another \"name\"");
            }

            if (job.Timeout is { } timeout && timeout > limits.MaxJobTimeout)
            {
                sink.Error($"{path}.timeout",
                    $"timeout {DurationSyntax.Format(timeout)} exceeds this deployment's job limit of {DurationSyntax.Format(limits.MaxJobTimeout)}");
            }
        }
    }
}
