namespace Mage.Manifests.Tests;

public class PlanTests
{
    [Fact]
    public void Compile_SetupStageHoldsBuiltinJobs()
    {
        var plan = Compile(TestFiles.ReadDjinn("djinn-ci_djinn__.djinn--v1.3.0.yml"));

        var setup = plan.Stages[0];
        Assert.Equal("setup", setup.Name);
        Assert.Equal(["create-driver", "clone.1", "clone.2"], setup.Jobs.Select(j => j.Name));
        Assert.All(setup.Jobs, j => Assert.True(j.IsBuiltin));
        Assert.Equal([PlanJobKind.CreateDriver, PlanJobKind.Clone, PlanJobKind.Clone], setup.Jobs.Select(j => j.Kind));
        Assert.Equal(new ManifestSource("https://github.com/andrewpillar/mgrt", "v3", "mgrt"), setup.Jobs[2].Source);
        Assert.Equal("#!/bin/sh\nexec 2>&1\nset -ex\n\ngit clone -q -- https://github.com/andrewpillar/mgrt mgrt\ncd mgrt\ngit checkout -q v3\n", setup.Jobs[2].Script);
        Assert.Equal("#!/bin/sh\nexec 2>&1\nset -ex\n\ngit clone -q -- https://github.com/djinn-ci/djinn djinn\n", setup.Jobs[1].Script);
        // The manifest's own "setup" stage follows the builtin one.
        Assert.Equal(["setup", "deps", "setup", "make"], plan.Stages.Select(s => s.Name));
    }

    [Fact]
    public void Compile_StagesKeepOrderAndAllowFailures()
    {
        var plan = Compile("driver: {type: os}\nstages: [lint, test]\nallow_failures: [lint]\njobs:\n- stage: test\n  commands: [make test]\n  timeout: 5m\n- stage: lint\n  commands: []\n");

        Assert.Equal([("setup", false), ("lint", true), ("test", false)], plan.Stages.Select(s => (s.Name, s.CanFail)));
        Assert.Equal(string.Empty, plan.Stages[1].Jobs[0].Script);
        Assert.Equal(TimeSpan.FromMinutes(5), plan.Stages[2].Jobs[0].Timeout);
        Assert.Equal("#!/bin/sh\nexec 2>&1\nset -ex\n\nmake test\n", plan.Stages[2].Jobs[0].Script);
    }

    [Fact]
    public void Compile_QuotesSourceWordsForTheShell()
    {
        var plan = Compile("driver: {type: os}\nsources: [\"https://x/y;rm v1$(id) => d'x\"]\n");

        Assert.Equal(
            "#!/bin/sh\nexec 2>&1\nset -ex\n\ngit clone -q -- 'https://x/y;rm' 'd'\\''x'\ncd 'd'\\''x'\ngit checkout -q 'v1$(id)'\n",
            plan.Stages[0].Jobs[1].Script);
    }

    [Theory]
    [MemberData(nameof(ValidDjinnManifests))]
    public void Plan_RoundTripsThroughJson(string name)
    {
        var plan = Compile(TestFiles.ReadDjinn(name));

        var json = ExecutionPlanJson.Serialize(plan);
        var again = ExecutionPlanJson.Deserialize(json);

        Assert.Equal(json, ExecutionPlanJson.Serialize(again));
        Assert.Equal(plan.Stages.SelectMany(s => s.Jobs).Select(j => (j.Name, j.Script, j.Kind, j.Source)),
            again.Stages.SelectMany(s => s.Jobs).Select(j => (j.Name, j.Script, j.Kind, j.Source)));
        Assert.Equal(plan.Env, again.Env);
        Assert.Equal(plan.Driver.Options, again.Driver.Options);
    }

    [Fact]
    public void Plan_MatchesSnapshot()
    {
        var yaml = TestFiles.ReadDjinn("andrewpillar_mgrt__.djinn.yml") + "timeout: 45m\n";
        var json = ExecutionPlanJson.Serialize(Compile(yaml)).ReplaceLineEndings("\n") + "\n";
        var snapshot = Path.Combine(TestFiles.Root, "snapshots", "mgrt.plan.json");
        if (Environment.GetEnvironmentVariable("MAGE_UPDATE_SNAPSHOTS") == "1")
        {
            // Review the diff of the written file before committing it.
            File.WriteAllText(Path.Combine(SourceDirectory(), "TestData", "snapshots", "mgrt.plan.json"), json);
            return;
        }

        Assert.Equal(File.ReadAllText(snapshot).ReplaceLineEndings("\n"), json);
    }

    public static TheoryData<string> ValidDjinnManifests()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestFiles.DjinnManifests().Select(Path.GetFileName).Where(n => n != TestFiles.LegacySourcesManifest))
        {
            data.Add(file!);
        }

        return data;
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path)!;

    private static ExecutionPlan Compile(string yaml)
    {
        var result = ManifestValidator.Validate(yaml);
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Plan!;
    }
}
