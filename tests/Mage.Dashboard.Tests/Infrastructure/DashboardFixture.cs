namespace Mage.Dashboard.Tests.Infrastructure;

/// <summary>
/// One app and one browser toolchain for every dashboard test: the scenarios run one after the
/// other (a collection), since each drives a whole Chromium on a small machine.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private DashboardApp? _app;

    /// <summary>The running app.</summary>
    public DashboardApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // Without Chromium every test is skipped (or, under MAGE_REQUIRE_ALL_TESTS, fails at
        // discovery): starting the app and installing playwright-core would be wasted.
        if (!BrowserTools.ChromiumPresent)
        {
            return;
        }

        await BrowserTools.EnsureAsync();
        _app = await DashboardApp.StartAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>
    /// Runs <c>browser/scenarios/{name}.mjs</c> against the app and fails the test with the
    /// scenario's output unless it exits 0 and says it passed.
    /// </summary>
    public async Task RunScenarioAsync(string name)
    {
        var output = Directory.CreateTempSubdirectory($"mage-dash-{name}-");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["DASHBOARD_URL"] = App.BaseUrl,
                ["MAGE_ADMIN_KEY"] = App.AdminKey,
                ["CHROMIUM_PATH"] = BrowserTools.ChromiumPath,
                ["SCENARIO_OUTPUT"] = output.FullName,
            };
            var script = Path.Combine("scenarios", $"{name}.mjs");
            var (exitCode, text) = await ProcessRunner.RunAsync("node", [script], BrowserTools.BrowserFolder, environment, TimeSpan.FromMinutes(6));
            Assert.True(exitCode == 0 && text.Contains($"PASS {name}", StringComparison.Ordinal),
                $"Browser scenario {name} failed (exit code {exitCode}):\n{text}");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
