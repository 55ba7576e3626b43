using Mage.Dashboard.Tests.Infrastructure;

namespace Mage.Dashboard.Tests;

/// <summary>
/// The dashboard in a real browser: each test runs one scenario of <c>browser/scenarios</c>
/// (headless Chromium through playwright-core) against the app on Kestrel and Azurite.
/// The assertions live in the scenarios; a scenario fails on the first one that does not hold.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardFixture fixture)
{
    [BrowserFact]
    public Task Services_CreatedWithTheForm_ListedAndOpenable() => fixture.RunScenarioAsync("services");

    [BrowserFact]
    public Task Key_Wrong_RefusedWithTheApiProblem() => fixture.RunScenarioAsync("key");

    [BrowserFact]
    public Task Configuration_SavedWithErrorsThenFixed_ShowsErrorsAtTheirLinesAndKeepsVersions() => fixture.RunScenarioAsync("configuration");

    [BrowserFact]
    public Task Build_StartedWithNewBuild_TurnsPassedWithItsLogAndArtifact() => fixture.RunScenarioAsync("build-passes");

    [BrowserFact]
    public Task Builds_EndingWithFailuresOrTimeout_ShowBothVocabularies() => fixture.RunScenarioAsync("statuses");

    [BrowserFact]
    public Task Build_Refused_ShowsTheProblemAndPositionsAsTheyCome() => fixture.RunScenarioAsync("build-problems");

    [BrowserFact]
    public Task Build_KilledWhileItsLogIsFollowed_ShowsLiveOutputThenKilled() => fixture.RunScenarioAsync("kill");

    [BrowserFact]
    public Task Keyboard_Only_EntersKeyOpensServiceAndStartsBuild() => fixture.RunScenarioAsync("keyboard");

    [BrowserFact]
    public Task NarrowScreen_Pages_FitWithoutSidewaysScrolling() => fixture.RunScenarioAsync("narrow");
}
