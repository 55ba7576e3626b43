using System.Diagnostics;
using System.Text.RegularExpressions;
using Mage.Codegen;
using Mage.Codegen.Configuration;
using Mage.Codegen.Model;
using Mage.Codegen.Packs;
using Xunit.Abstractions;

namespace Mage.Codegen.Tests;

public sealed partial class BuiltInPackTests(ITestOutputHelper output)
{
    private static readonly BuiltInPacks Packs = BuiltInPacks.FromAppDirectory();

    [Fact]
    public void Load_AspNetMinimalApi_HasADefaultManifestThatValidates()
    {
        var pack = Packs.Load(BuiltInPacks.DefaultPack);

        var validation = Mage.Manifests.ManifestValidator.Validate(pack.Manifest.DefaultManifest!);

        Assert.Empty(validation.Errors);
        Assert.Contains(validation.Plan!.Stages, s => s.Jobs.Any(j => j.Script.Contains("dotnet test", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_SameConfigurationTwice_IsByteIdentical()
    {
        var pack = Packs.Load(BuiltInPacks.DefaultPack);

        var first = TemplateRenderer.Render(pack, SampleServices.Shop());
        var second = TemplateRenderer.Render(Packs.Load(BuiltInPacks.DefaultPack), SampleServices.Shop());

        Assert.Equal(first.Select(f => f.Path), second.Select(f => f.Path));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
        Assert.DoesNotContain(first, f => f.Content.Contains((byte)'\r'));
    }

    [Fact]
    public void Render_NoSpells_LeavesOutEverySpellFile()
    {
        var files = TemplateRenderer.Render(Packs.Load(BuiltInPacks.DefaultPack), SampleServices.Minimal());

        Assert.DoesNotContain(files, f => f.Path.Contains("/Spells/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Path == "src/Notes/Entities/Note.cs");
        Assert.Contains(files, f => f.Path == "tests/Notes.Tests/NoteEndpointsTests.cs");
    }

    [Fact]
    public void Render_NoEntityExposedAndNoEndpoints_LeavesOutTheEndpointsNamespace()
    {
        var minimal = SampleServices.Minimal();
        var service = minimal with { Entities = [minimal.Entities[0] with { Operations = [] }] };

        var files = TemplateRenderer.Render(Packs.Load(BuiltInPacks.DefaultPack), service);

        Assert.DoesNotContain(files, f => f.Path.Contains("/Endpoints/", StringComparison.Ordinal));
        var program = System.Text.Encoding.UTF8.GetString(files.Single(f => f.Path == "src/Notes/Program.cs").Content);
        Assert.DoesNotContain("using Notes.Endpoints;", program, StringComparison.Ordinal);
    }

    // The pack's promise: what it generates builds with warnings as errors and its own tests pass.
    [Theory]
    [InlineData("shop")]
    [InlineData("minimal")]
    [InlineData("saved-configuration")]
    public async Task Render_GeneratedService_BuildsAndItsOwnTestsPass(string sample)
    {
        var service = sample switch
        {
            "shop" => SampleServices.Shop(),
            "minimal" => SampleServices.Minimal(),
            _ => ConfigurationMapper.Map(ConfigurationValidator.Validate(Configuration.ConfigurationSamples.Complete).Configuration!),
        };
        using var tree = new GeneratedTree();
        tree.Write(TemplateRenderer.Render(Packs.Load(BuiltInPacks.DefaultPack), service));

        var (exitCode, text) = await RunAsync(tree.Root, "dotnet", "test", "--nologo");
        output.WriteLine(text);

        Assert.Equal(0, exitCode);
        var passed = PassedCount().Matches(text).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(passed > 0, "no test ran in the generated project");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The generated project must not see this test run's MSBuild settings.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"Passed:\s+(\d+)")]
    private static partial Regex PassedCount();
}
