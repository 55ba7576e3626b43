using System.Runtime.CompilerServices;
using Mage.Testing.Prerequisites;

namespace Mage.Dashboard.Tests.Infrastructure;

/// <summary>
/// A fact that needs Chromium (<see cref="BrowserTools.ChromiumPath"/>): skipped with the install
/// command where it is missing, failed instead under <c>MAGE_REQUIRE_ALL_TESTS=1</c>
/// (see <see cref="PrerequisiteFactAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : PrerequisiteFactAttribute
{
    /// <summary>Creates the attribute; Chromium is looked for once per test at discovery. Leave <paramref name="test"/> to the compiler.</summary>
    public BrowserFactAttribute([CallerMemberName] string test = "")
        : base(BrowserTools.Chromium, test)
    {
    }
}
