using Mage.Codegen;

namespace Mage.Codegen.Tests;

public sealed class TemplatePackLoaderTests
{
    [Fact]
    public void Load_NoPackYaml_SaysWhatAPackIs()
    {
        using var pack = new PackFolder(manifest: null).Write("templates/a.txt", "a");

        var error = Assert.Throws<TemplatePackException>(() => TemplatePackLoader.Load(pack.Root, "test"));

        Assert.Contains("pack.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("templates/ folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PackYamlMissingFieldsAndUnknownKey_ListsEveryProblemWithItsLine()
    {
        using var pack = new PackFolder("name: Bad Name\nversoin: 1\nsupports:\n- crud\n- teleport\n").Write("templates/a.txt", "a");

        var error = Assert.Throws<TemplatePackException>(() => TemplatePackLoader.Load(pack.Root, "test"));

        Assert.Contains(error.Problems, p => p.Line == 2 && p.Message.Contains("unknown key versoin", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Message == "description is required");
        Assert.Contains(error.Problems, p => p.Message == "version is required");
        Assert.Contains(error.Problems, p => p.Line == 1 && p.Message.Contains("lower-case", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Line == 5 && p.Message.Contains("teleport", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnclosedBlock_NamesTheFileTheBlockAndWhereItShouldEnd()
    {
        using var pack = new PackFolder().Write("templates/README.md.scriban", "# {{ service.name }}\n\n{{ for e in entities }}\n- {{ e.name }}\n");

        var error = Assert.Throws<TemplatePackException>(() => TemplatePackLoader.Load(pack.Root, "test"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("templates/README.md.scriban", problem.File);
        Assert.Equal(4, problem.Line);
        Assert.Contains("<end> statement was not found in: for", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"templates/README.md.scriban:4:{problem.Column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CloseWithoutOpen_NamesTheLineOfTheClose()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "one\ntwo\n{{ end }}\n");

        var error = Assert.Throws<TemplatePackException>(() => TemplatePackLoader.Load(pack.Root, "test"));

        Assert.Equal(3, Assert.Single(error.Problems).Line);
    }

    [Fact]
    public void Load_IncompleteExpression_UsesTheParsersLineAndColumn()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "one\ntwo\nthree {{ service.name + }}\n");

        var error = Assert.Throws<TemplatePackException>(() => TemplatePackLoader.Load(pack.Root, "test"));

        // The operand is missing where "}}" stands: line 3, column 25.
        var problem = Assert.Single(error.Problems);
        Assert.Equal((3, 25), (problem.Line, problem.Column));
    }

    [Fact]
    public void Load_TwoBrokenTemplates_ReportsBoth()
    {
        using var pack = new PackFolder()
            .Write("templates/a.txt.scriban", "{{ if x }}\n")
            .Write("templates/b.txt.scriban", "{{ end }}\n");

        var error = Assert.Throws<TemplatePackException>(() => TemplatePackLoader.Load(pack.Root, "test"));

        Assert.Equal(["templates/a.txt.scriban", "templates/b.txt.scriban"], error.Problems.Select(p => p.File));
    }

    [Fact]
    public void Load_BrokenPartial_NamesThePartialAndLine()
    {
        using var pack = new PackFolder()
            .Write("partials/header.scriban", "// header\n{{ if }}\n")
            .Write("templates/a.txt", "a");

        var error = Assert.Throws<TemplatePackException>(() => TemplatePackLoader.Load(pack.Root, "test"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("partials/header.scriban", 2), (problem.File, problem.Line));
    }

    [Fact]
    public void Load_BrokenPathTemplate_NamesTheFile()
    {
        using var pack = new PackFolder().Write("templates/{{ 1 + }}.txt", "a");

        var error = Assert.Throws<TemplatePackException>(() => TemplatePackLoader.Load(pack.Root, "test"));

        Assert.Contains("not a valid path template", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoTemplates_SaysWhereTheyGo()
    {
        using var pack = new PackFolder();

        var error = Assert.Throws<TemplatePackException>(() => TemplatePackLoader.Load(pack.Root, "test"));

        Assert.Contains("templates/", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SymbolicLink_IsRefused()
    {
        using var pack = new PackFolder().Write("templates/a.txt", "a");
        File.CreateSymbolicLink(Path.Combine(pack.Root, "templates", "passwd"), "/etc/passwd");

        var error = Assert.Throws<TemplatePackException>(() => TemplatePackLoader.Load(pack.Root, "test"));

        Assert.Equal("templates/passwd", Assert.Single(error.Problems).File);
    }
}
