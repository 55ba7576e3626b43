using System.Diagnostics;
using Mage.Codegen;
using Mage.Codegen.Model;

namespace Mage.Codegen.Tests;

/// <summary>Hostile packs: each one fails the render with the template's file, line and column, and none hangs.</summary>
public sealed class TemplateSandboxTests
{
    private static readonly CodegenService Service = SampleServices.Minimal();

    private static PackProblem RenderFails(PackFolder pack, TemplateLimits? limits = null)
    {
        var loaded = TemplatePackLoader.Load(pack.Root, "test");
        var error = Assert.Throws<TemplatePackException>(() => TemplateRenderer.Render(loaded, TemplateModel.Build(Service), limits));
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith($"{problem.File}:{problem.Line}:{problem.Column}: ", error.Message, StringComparison.Ordinal);
        return problem;
    }

    [Fact]
    public void Render_InfiniteLoop_StopsAtTheLoopLimit()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "start\n{{ while true }}x{{ end }}\n");

        var problem = RenderFails(pack);

        Assert.Equal(("templates/a.txt.scriban", 2, 4), (problem.File, problem.Line, problem.Column));
        Assert.Contains("iteration limit", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LoopWithinTheLoopLimitButEndless_StopsAtTheTimeLimit()
    {
        // The second template would fail the same way; the render stops at the first instead of reporting both.
        using var pack = new PackFolder()
            .Write("templates/a.txt.scriban", "{{ while true; n = 1; end }}")
            .Write("templates/b.txt.scriban", "{{ while true; n = 2; end }}");
        var watch = Stopwatch.StartNew();

        var problem = RenderFails(pack, TemplateLimits.Default with { LoopIterations = 0, Time = TimeSpan.FromMilliseconds(300) });

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal(("templates/a.txt.scriban", 1), (problem.File, problem.Line));
        Assert.Contains("time limit", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HugeOutput_FailsInsteadOfTruncating()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "{{ for i in 1..99000 }}" + new string('x', 60) + "{{ end }}");

        var problem = RenderFails(pack);

        Assert.Equal("templates/a.txt.scriban", problem.File);
        Assert.Contains($"more than {TemplateLimits.Default.FileCharacters} characters", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyFilesTogetherTooLarge_FailsAtThePacksTotal()
    {
        using var pack = new PackFolder()
            .Write("templates/a.txt.scriban", new string('a', 900))
            .Write("templates/b.txt.scriban", "{{ '" + new string('b', 900) + "' }}");

        var problem = RenderFails(pack, TemplateLimits.Default with { FileCharacters = 1000, TotalCharacters = 1500 });

        Assert.Equal(("templates/b.txt.scriban", 1, 1), (problem.File, problem.Line, problem.Column));
        Assert.Contains("in all", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StringDoubledInALoop_StopsBeforeExhaustingMemory()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "{{ s = 'x'\nfor i in 1..40\n  s = s + s\nend\ns }}");

        var problem = RenderFails(pack);

        Assert.Equal("templates/a.txt.scriban", problem.File);
        Assert.True(problem.Line > 0, problem.ToString());
    }

    [Theory]
    [InlineData("../pack.yaml")]
    [InlineData("../../../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("partials/../../pack.yaml")]
    [InlineData("..\\\\pack.yaml")]
    public void Render_IncludeOutsideThePack_IsRefused(string name)
    {
        using var pack = new PackFolder().Write("partials/ok.scriban", "ok").Write("templates/a.txt.scriban", "x\n  {{ include '" + name + "' }}");

        var problem = RenderFails(pack);

        Assert.Equal(("templates/a.txt.scriban", 2), (problem.File, problem.Line));
        Assert.Contains("cannot leave the pack", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IncludeOfATemplateThatIsNoPartial_IsRefusedListingThePartials()
    {
        using var pack = new PackFolder().Write("partials/ok.scriban", "ok").Write("templates/a.txt.scriban", "{{ include 'a.txt' }}");

        var problem = RenderFails(pack);

        Assert.Contains("there is no partial partials/a.txt.scriban (the pack has: ok)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DeepRecursion_StopsAtTheRecursionLimit()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "{{ func down\n  ret down\nend\ndown }}");

        var problem = RenderFails(pack);

        Assert.Equal("templates/a.txt.scriban", problem.File);
        Assert.Contains("recursive depth limit", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PartialIncludingItself_StopsAtTheRecursionLimit()
    {
        using var pack = new PackFolder().Write("partials/loop.scriban", "{{ include 'loop' }}").Write("templates/a.txt.scriban", "{{ include 'loop' }}");

        var problem = RenderFails(pack);

        Assert.Equal("partials/loop.scriban", problem.File);
    }

    [Theory]
    [InlineData("{{ service.name.length }}")]
    [InlineData("{{ service.get_type }}")]
    [InlineData("{{ entities.count }}")]
    public void Render_DotNetMembersOfTheData_AreNotReachable(string source)
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", source);

        var problem = RenderFails(pack);

        Assert.Equal(("templates/a.txt.scriban", 1), (problem.File, problem.Line));
    }

    [Fact]
    public void Render_UnknownVariable_IsAnErrorAtItsPosition()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "first\nsecond {{ servce.name }}\n");

        var problem = RenderFails(pack);

        Assert.Equal(("templates/a.txt.scriban", 2, 11), (problem.File, problem.Line, problem.Column));
        Assert.Contains("servce", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IncludeOfAPackFileThatIsNoPartial_IsRefused()
    {
        // pack.yaml is in the pack, but include reaches only partials/, never the pack's (or any) folder.
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "{{ include 'pack.yaml' }}");

        var problem = RenderFails(pack);

        Assert.Equal(("templates/a.txt.scriban", 1, 4), (problem.File, problem.Line, problem.Column));
        Assert.Contains("there is no partial partials/pack.yaml.scriban (the pack has none)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeeplyNestedExpression_IsAParseErrorNotAStackOverflow()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "{{ " + new string('(', 100_000) + "1" + new string(')', 100_000) + " }}");

        var error = Assert.Throws<TemplatePackException>(() => TemplatePackLoader.Load(pack.Root, "test"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("templates/a.txt.scriban", 1), (problem.File, problem.Line));
    }

    [Fact]
    public void Load_DeeplyNestedBlocks_FailsWithThePositionNotAStackOverflow()
    {
        var source = string.Concat(Enumerable.Repeat("{{ if true }}", 20_000)) + "x" + string.Concat(Enumerable.Repeat("{{ end }}", 20_000));
        using var pack = new PackFolder().Write("templates/a.txt.scriban", source);

        var error = Record.Exception(() => TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), TemplateModel.Build(Service)));

        var problem = Assert.Single(Assert.IsType<TemplatePackException>(error).Problems);
        Assert.Equal(("templates/a.txt.scriban", 1), (problem.File, problem.Line));
    }

    [Theory]
    [InlineData("date.now")]
    [InlineData("date.utc_now")]
    [InlineData("math.random 1 10")]
    [InlineData("math.uuid")]
    public void Render_ClockOrRandomBuiltIn_IsNotThere(string call)
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "{{ " + call + " }}");

        var problem = RenderFails(pack);

        Assert.Equal(("templates/a.txt.scriban", 1), (problem.File, problem.Line));
    }

    [Fact]
    public void Render_OtherDateAndMathBuiltIns_StillWork()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "{{ date.parse '2020-01-02' | date.to_string '%Y' }} {{ -3 | math.abs }}");

        var loaded = TemplatePackLoader.Load(pack.Root, "test");
        var file = Assert.Single(TemplateRenderer.Render(loaded, TemplateModel.Build(Service)));

        Assert.Equal("2020 3", System.Text.Encoding.UTF8.GetString(file.Content));
    }
}
