using System.Text;
using Mage.Codegen;
using Mage.Codegen.Configuration;
using Mage.Codegen.Model;

namespace Mage.Codegen.Tests;

public sealed class TemplateRendererTests
{
    private static readonly CodegenService TwoEntities = new("shop", string.Empty,
        [
            new CodegenEntity("order-line", [new CodegenField("id", "int", Key: true)]),
            new CodegenEntity("category", [new CodegenField("id", "guid", Key: true)]),
        ],
        [new CodegenSpell(SpellNames.Crud, new Dictionary<string, string>())], [], []);

    [Fact]
    public void Render_PathMentioningEntity_OneFilePerEntity()
    {
        using var pack = new PackFolder().Write("templates/src/{{ entity.pascal_name }}.cs.scriban", "class {{ entity.pascal_name }} { {{ entity.key.csharp_type }} Id; }\n");

        var files = TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), TwoEntities);

        Assert.Equal(["src/Category.cs", "src/OrderLine.cs"], files.Select(f => f.Path));
        Assert.Equal("class OrderLine { int Id; }\n", Encoding.UTF8.GetString(files[1].Content));
    }

    [Fact]
    public void Render_TemplateRenderingToWhitespace_ProducesNoFile()
    {
        using var pack = new PackFolder()
            .Write("templates/cache.txt.scriban", "{{ if spells.cache_aside }}cache{{ end }}\n\n")
            .Write("templates/always.txt", "kept");

        var files = TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), TwoEntities);

        Assert.Equal("always.txt", Assert.Single(files).Path);
    }

    [Theory]
    [InlineData("..", "/x.txt")]
    [InlineData("../..", "/x.txt")]
    [InlineData("/etc", "/passwd")]
    [InlineData("", "")]
    public void Render_PathLeavingTheTree_IsRefusedWithTheRenderedPath(string value, string suffix)
    {
        // Data can put "/" and ".." into a path that the file name alone cannot.
        using var pack = new PackFolder().Write("templates/{{ service.name }}" + (suffix.Length == 0 ? string.Empty : "x.txt"), "x");
        var model = TemplateModel.Build(TwoEntities);
        model["service"] = new Dictionary<string, object?> { ["name"] = value + suffix[..Math.Max(0, suffix.Length - 5)] };

        var error = Assert.Throws<TemplatePackException>(() => TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), model));

        Assert.Contains("its path renders to", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MisspelledName_NamesTheFileAndLine()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "first\nname: {{ service.pascal_nmae }}\n");

        var error = Assert.Throws<TemplatePackException>(() => TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), TwoEntities));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("templates/a.txt.scriban", 2, 18), (problem.File, problem.Line, problem.Column));
        Assert.Contains("pascal_nmae", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SpellThePackDoesNotSupport_IsRefusedNamingTheSpell()
    {
        using var pack = new PackFolder().Write("templates/a.txt", "a");
        var service = TwoEntities with { Spells = [new CodegenSpell(SpellNames.WorkQueue, new Dictionary<string, string>())] };

        var error = Assert.Throws<TemplatePackException>(() => TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), service));

        Assert.Contains("spell work-queue", error.Message, StringComparison.Ordinal);
        Assert.Contains("supports: crud", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TwoTemplatesSamePath_IsRefused()
    {
        using var pack = new PackFolder()
            .Write("templates/a.txt", "plain")
            .Write("templates/a.txt.scriban", "template");

        var error = Assert.Throws<TemplatePackException>(() => TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), TwoEntities));

        Assert.Contains("also renders to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CrLfTemplate_WritesLf()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "one\r\n{{ service.name }}\r\n");

        var files = TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), TwoEntities);

        Assert.Equal("one\nshop\n", Encoding.UTF8.GetString(Assert.Single(files).Content));
    }

    [Fact]
    public void Render_Helpers_ConvertNamesAndLiterals()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban",
            "{{ pascal \"order-line\" }} {{ camel \"Order_Line\" }} {{ kebab \"OrderLine\" }} {{ snake \"orderLine\" }} {{ plural \"category\" }} " +
            "{{ to_csharp_type \"datetime\" }} {{ csharp_string \"a\\\"b\" }} {{ csharp null }} {{ csharp 12 }} {{ json_string \"x\\ty\" }} {{ braced \"id\" }}");

        var files = TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), TwoEntities);

        Assert.Equal("OrderLine orderLine order-line order_line categories DateTimeOffset \"a\\\"b\" null 12 \"x\\ty\" {id}", Encoding.UTF8.GetString(Assert.Single(files).Content));
    }

    [Fact]
    public void Render_UnknownFieldTypeToHelper_NamesTheFileLineAndTheKnownTypes()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "x\n  {{ to_csharp_type \"money\" }}\n");

        var error = Assert.Throws<TemplatePackException>(() => TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), TwoEntities));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("templates/a.txt.scriban", 2), (problem.File, problem.Line));
        Assert.Contains("unknown field type money", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HelperReassigned_IsRefused()
    {
        using var pack = new PackFolder().Write("templates/a.txt.scriban", "{{ pascal = \"x\" }}");

        var error = Assert.Throws<TemplatePackException>(() => TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), TwoEntities));

        Assert.Contains("readonly", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Partial_IsIncludedWithTheCallersData()
    {
        using var pack = new PackFolder()
            .Write("partials/csharp/header.scriban", "// {{ service.name }}: {{ entity.pascal_name }}\n")
            .Write("templates/{{ entity.kebab_name }}.cs.scriban", "{{ include \"csharp/header\" }}class {{ entity.pascal_name }};\n");

        var files = TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), TwoEntities);

        Assert.Equal(["category.cs", "order-line.cs"], files.Select(f => f.Path));
        Assert.Equal("// shop: OrderLine\nclass OrderLine;\n", Encoding.UTF8.GetString(files[1].Content));
    }

    [Fact]
    public void Render_ErrorInsideAPartial_NamesThePartialsLine()
    {
        using var pack = new PackFolder()
            .Write("partials/footer.scriban", "ok\n{{ service.nmae }}\n")
            .Write("templates/a.txt.scriban", "{{ include \"footer\" }}");

        var error = Assert.Throws<TemplatePackException>(() => TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), TwoEntities));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("partials/footer.scriban", 2), (problem.File, problem.Line));
    }

    [Fact]
    public void Render_TemplateModel_IsReadOnly()
    {
        using var pack = new PackFolder()
            .Write("templates/a.txt.scriban", "{{ service.name = \"changed\" }}")
            .Write("templates/b.txt.scriban", "{{ service.name }}");

        var error = Assert.Throws<TemplatePackException>(() => TemplateRenderer.Render(TemplatePackLoader.Load(pack.Root, "test"), TwoEntities));

        Assert.Equal("templates/a.txt.scriban", Assert.Single(error.Problems).File);
    }
}
