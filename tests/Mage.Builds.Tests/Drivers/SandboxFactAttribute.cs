using System.Runtime.CompilerServices;
using Mage.Builds.Drivers;
using Mage.Testing.Prerequisites;

namespace Mage.Builds.Tests.Drivers;

/// <summary>
/// A fact that needs bubblewrap: skipped with the install command where it is missing, failed
/// instead under <c>MAGE_REQUIRE_ALL_TESTS=1</c> (see <see cref="PrerequisiteFactAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SandboxFactAttribute : PrerequisiteFactAttribute
{
    /// <summary>bubblewrap, where the sandbox driver looks for it.</summary>
    public static readonly TestPrerequisite Bubblewrap = new(
        "bubblewrap (bwrap)",
        "the sandbox driver's tests",
        "sudo apt-get install -y bubblewrap",
        () => SandboxDriver.FindBubblewrap() is null ? "no bwrap in /usr/bin, /bin or /usr/local/bin" : null);

    public SandboxFactAttribute([CallerMemberName] string test = "")
        : base(Bubblewrap, test)
    {
    }
}
