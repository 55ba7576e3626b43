using System.Globalization;

namespace Mage.Manifests;

/// <summary>
/// Checks a parsed manifest as a whole and reports every problem at once: the parser's own
/// diagnostics plus the checks across fields (driver, stages, jobs, names, timeouts).
/// </summary>
public static class ManifestLinter
{
    /// <summary>
    /// All diagnostics of <paramref name="parsed"/>, errors and warnings, sorted by line and column.
    /// </summary>
    public static IReadOnlyList<ManifestDiagnostic> Lint(ParseResult parsed, ManifestLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var sink = new DiagnosticSink(parsed);
        if (parsed.Manifest is { } manifest)
        {
            CheckDriver(manifest.Driver, sink);
            StageChecks.Check(manifest, sink);
            JobChecks.Check(manifest, parsed.JobPaths, limits ?? ManifestLimits.Default, sink);
            CheckBuildTimeout(manifest, limits ?? ManifestLimits.Default, sink);
        }

        return parsed.Diagnostics.Concat(sink.Items)
            .OrderBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Severity)
            .ToList();
    }

    private static void CheckDriver(ManifestDriver? driver, DiagnosticSink sink)
    {
        var valid = string.Join(", ", DriverTypes.All);
        if (driver is null)
        {
            sink.Error("driver", $"driver is missing; add one, e.g. \"driver: {{type: docker, image: golang, workspace: /go}}\" (valid types: {valid})");
            return;
        }

        if (driver.Type.Length == 0)
        {
            sink.Error("driver.type", $"driver has no type; add \"type:\" with one of {valid}");
            return;
        }

        if (!DriverTypes.All.Contains(driver.Type))
        {
            var suggestion = Suggestions.Closest(driver.Type, DriverTypes.All);
            sink.Error("driver.type", suggestion is null
                ? $"unknown driver type \"{driver.Type}\"; valid types are {valid}"
                : $"unknown driver type \"{driver.Type}\"; did you mean \"{suggestion}\"?");
            return;
        }

        foreach (var key in DriverTypes.RequiredKeys(driver.Type).Where(k => !driver.Options.ContainsKey(k)))
        {
            sink.Error($"driver.{key}", $"driver {driver.Type} requires {key}");
        }

        var known = DriverTypes.KnownKeys(driver.Type);
        foreach (var key in driver.Options.Keys.Where(k => !known.Contains(k)))
        {
            sink.Warning($"driver.{key}", $"unknown key \"{key}\" for driver {driver.Type} is ignored{Suggestions.DidYouMean(key, known)}");
        }
    }

    private static void CheckBuildTimeout(Manifest manifest, ManifestLimits limits, DiagnosticSink sink)
    {
        if (manifest.Timeout is { } timeout && timeout > limits.MaxBuildTimeout)
        {
            sink.Error("timeout", $"timeout {DurationSyntax.Format(timeout)} exceeds this deployment's build limit of {DurationSyntax.Format(limits.MaxBuildTimeout)}");
        }
    }

    internal static string LineOf(SourcePosition position) => position.Line.ToString(CultureInfo.InvariantCulture);
}
