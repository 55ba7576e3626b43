namespace Mage.Manifests;

/// <summary>Checks on <c>stages</c> and <c>allow_failures</c>.</summary>
internal static class StageChecks
{
    public static void Check(Manifest manifest, DiagnosticSink sink)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < manifest.Stages.Count; i++)
        {
            var stage = manifest.Stages[i];
            if (stage.Length == 0)
            {
                sink.Error($"stages[{i}]", "stage name is empty");
            }
            else if (!seen.Add(stage))
            {
                sink.Warning($"stages[{i}]", $"stage \"{stage}\" is listed twice; it runs once");
            }
            else if (!manifest.Jobs.Any(j => j.Stage == stage))
            {
                sink.Warning($"stages[{i}]", $"stage \"{stage}\" has no jobs");
            }
        }

        for (var i = 0; i < manifest.AllowFailures.Count; i++)
        {
            var name = manifest.AllowFailures[i];
            if (!seen.Contains(name))
            {
                sink.Warning($"allow_failures[{i}]",
                    $"allow_failures names \"{name}\", which is not a stage, so it has no effect{Suggestions.DidYouMean(name, manifest.Stages)}");
            }
        }
    }
}
