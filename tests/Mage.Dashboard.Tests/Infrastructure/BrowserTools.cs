using Mage.Azurite;
using Mage.Testing;
using Mage.Testing.Prerequisites;

namespace Mage.Dashboard.Tests.Infrastructure;

/// <summary>
/// What the browser scenarios need on the machine: Chromium (the Debian package) and
/// playwright-core in <c>browser/node_modules</c> (installed here with <c>npm ci</c> when missing,
/// safely when several processes start at once). Without Chromium the tests are skipped with how
/// to install it (<see cref="BrowserFactAttribute"/>); they never pass without a browser.
/// </summary>
public static class BrowserTools
{
    /// <summary>Chromium, as a test prerequisite.</summary>
    public static readonly TestPrerequisite Chromium = new(
        "Chromium",
        "the dashboard's browser tests",
        "sudo apt-get install -y chromium (or point MAGE_CHROMIUM at a Chromium executable)",
        () => File.Exists(ChromiumPath) ? null : $"nothing at {ChromiumPath}");

    /// <summary>True when Chromium is here, so the browser tests can run.</summary>
    public static bool ChromiumPresent => File.Exists(ChromiumPath);

    /// <summary>The folder of the scenarios, package.json and its lock file.</summary>
    public static string BrowserFolder => Path.Combine(RepositoryRoot.Find(), "tests", "Mage.Dashboard.Tests", "browser");

    /// <summary>The Chromium executable: <c>MAGE_CHROMIUM</c> when set, else <c>/usr/bin/chromium</c>.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("MAGE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Throws with the fix when Chromium, node or playwright-core cannot be had.</summary>
    public static async Task EnsureAsync()
    {
        if (Chromium.MissingReason() is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        try
        {
            await NodePackagesInstaller.EnsureInstalledAsync(BrowserFolder, TimeSpan.FromMinutes(5));
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"playwright-core is needed for the browser tests: {e.Message}", e);
        }
    }
}
