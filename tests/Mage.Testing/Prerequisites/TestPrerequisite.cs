namespace Mage.Testing.Prerequisites;

/// <summary>
/// A system package some tests need (Chromium, bubblewrap): how to tell whether it is here and
/// the command that installs it. Tests that need a missing one are skipped with that command,
/// or fail under <see cref="RequireAllVariable"/>=1 (CI).
/// </summary>
/// <param name="Name">What is missing, as a person would name it, e.g. <c>Chromium</c>.</param>
/// <param name="NeededFor">Which tests need it, e.g. <c>the dashboard's browser tests</c>.</param>
/// <param name="InstallCommand">The command that installs it, e.g. <c>sudo apt-get install -y chromium</c>.</param>
/// <param name="FindMissing">Null when the prerequisite is present; else where it was looked for.</param>
public sealed record TestPrerequisite(string Name, string NeededFor, string InstallCommand, Func<string?> FindMissing)
{
    /// <summary>The environment variable under which a missing prerequisite fails its tests instead of skipping them.</summary>
    public const string RequireAllVariable = "MAGE_REQUIRE_ALL_TESTS";

    /// <summary>True when <see cref="RequireAllVariable"/> is <c>1</c> (or <c>true</c>): nothing may be skipped.</summary>
    public static bool RequireAll => Environment.GetEnvironmentVariable(RequireAllVariable) is "1" or "true" or "TRUE" or "True";

    /// <summary>The reason a test cannot run here, with the install command; null when the prerequisite is present.</summary>
    public string? MissingReason() =>
        FindMissing() is { } lookedAt
            ? $"{Name} is not installed ({lookedAt}), so {NeededFor} cannot run here. Install it with: {InstallCommand}"
            : null;
}
