using Mage.Testing;

namespace Mage.Dashboard.Tests.Infrastructure;

/// <summary>
/// What the browser scenarios need on the machine: Chromium (the Debian package) and
/// playwright-core in <c>browser/node_modules</c> (installed here with <c>npm ci</c> when missing).
/// A missing Chromium fails the tests with how to install it; they never pass without a browser.
/// </summary>
public static class BrowserTools
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>The folder of the scenarios, package.json and its lock file.</summary>
    public static string BrowserFolder => Path.Combine(RepositoryRoot.Find(), "tests", "Mage.Dashboard.Tests", "browser");

    /// <summary>The Chromium executable: <c>MAGE_CHROMIUM</c> when set, else <c>/usr/bin/chromium</c>.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("MAGE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Throws with the fix when Chromium, node or playwright-core cannot be had.</summary>
    public static async Task EnsureAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}: the dashboard's browser tests need it. Install it with `apt-get install -y chromium` "
                + "(the Debian package; .ci/run does this), or point MAGE_CHROMIUM at a Chromium executable.");
        }

        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(BrowserFolder, "node_modules", "playwright-core", "package.json")))
            {
                return;
            }

            var (exitCode, output) = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], BrowserFolder,
                new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {BrowserFolder} failed ({exitCode}); playwright-core is needed for the browser tests:\n{output}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
