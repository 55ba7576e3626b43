using Xunit;
using Xunit.Sdk;

namespace Mage.Testing.Prerequisites;

/// <summary>
/// A fact that needs a <see cref="TestPrerequisite"/>: where it is missing the test is skipped with
/// the reason and the install command (shown in <c>dotnet test</c>'s summary), and with
/// <c>MAGE_REQUIRE_ALL_TESTS=1</c> it fails with the same words instead. It never passes without it.
/// Derive one attribute per prerequisite (<c>[BrowserFact]</c>, <c>[SandboxFact]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Mage.Testing.Prerequisites.PrerequisiteFactDiscoverer", "Mage.Testing")]
public abstract class PrerequisiteFactAttribute : FactAttribute
{
    /// <summary>
    /// Checks <paramref name="prerequisite"/> once, when the test is discovered. Derived attributes pass
    /// <paramref name="testName"/> as <c>[CallerMemberName]</c>: a skipped test's display name then carries
    /// what is missing and the install command, since <c>dotnet test</c> at its default verbosity
    /// lists skipped tests by name but not their reasons.
    /// </summary>
    protected PrerequisiteFactAttribute(TestPrerequisite prerequisite, string testName)
    {
        ArgumentNullException.ThrowIfNull(prerequisite);
        MissingPrerequisite = prerequisite.MissingReason();
        if (MissingPrerequisite is not null && !TestPrerequisite.RequireAll)
        {
            Skip = $"{MissingPrerequisite} (with {TestPrerequisite.RequireAllVariable}=1 this fails instead of skipping)";
            DisplayName = $"{testName} [skipped: {prerequisite.Name} is not installed; install it with: {prerequisite.InstallCommand}]";
        }
    }

    /// <summary>Why the test cannot run here, or null when its prerequisite is present. Read by <see cref="PrerequisiteFactDiscoverer"/>.</summary>
    public string? MissingPrerequisite { get; }
}
