using System.Globalization;
using Mage.Catalog;
using Mage.Manifests;

namespace Mage.Builds.Activities;

/// <summary>
/// A job's environment, in djinn's order (service variables, then the manifest's <c>env</c>),
/// with the <c>MAGE_*</c> variables last so a manifest cannot fake them.
/// </summary>
public static class JobEnvironment
{
    /// <summary>Builds the environment of one job.</summary>
    public static IReadOnlyDictionary<string, string> For(string buildId, string service, long number, string tag, string job,
        IEnumerable<BuildVariable> variables, IEnumerable<EnvVariable> manifestEnv)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            env[variable.Key] = variable.Value;
        }

        foreach (var variable in manifestEnv)
        {
            env[variable.Key] = variable.Value;
        }

        // A clone of a private repository without credentials must fail, not wait for a password.
        env["GIT_TERMINAL_PROMPT"] = "0";
        env["MAGE_BUILD_ID"] = buildId;
        env["MAGE_BUILD_NUMBER"] = number.ToString(CultureInfo.InvariantCulture);
        env["MAGE_SERVICE"] = service;
        env["MAGE_TAG"] = tag;
        env["MAGE_JOB"] = job;
        return env;
    }
}
