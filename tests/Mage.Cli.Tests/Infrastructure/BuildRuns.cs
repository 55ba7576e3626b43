namespace Mage.Cli.Tests.Infrastructure;

/// <summary>Builds run to their end through <c>mage submit --follow --json</c>, for tests of the verbs that read them.</summary>
internal static class BuildRuns
{
    /// <summary>Submits <paramref name="manifest"/>, follows it to its end and returns the build id.</summary>
    public static async Task<string> RunToEndAsync(this MageAppFixture mage, string service, string tag, string manifest)
    {
        using var file = new TempManifest(manifest);
        var result = await mage.RunAsync("submit", "--service", service, "--tag", tag, "--manifest", file.Path, "--follow", "--json");
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        return result.Json().GetProperty("id").GetString()!;
    }
}
