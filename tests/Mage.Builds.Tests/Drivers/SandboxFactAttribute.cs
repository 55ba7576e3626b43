using Mage.Builds.Drivers;

namespace Mage.Builds.Tests.Drivers;

/// <summary>A fact that runs only where bubblewrap is installed, and says why it skipped otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SandboxFactAttribute : FactAttribute
{
    public SandboxFactAttribute()
    {
        if (SandboxDriver.FindBubblewrap() is null)
        {
            Skip = "bubblewrap (bwrap) is not installed here: apt-get install bubblewrap to run the sandbox tests";
        }
    }
}
