using Mage.Codegen;
using Mage.Codegen.Model;
using Mage.Testing;

namespace Mage.Codegen.Tests;

/// <summary>docs/template-packs.md names what templates really get: every helper and every top-level data key.</summary>
public sealed class TemplatePackDocsTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "template-packs.md"));

    [Fact]
    public void Docs_HelpersSection_ListsEveryHelper()
    {
        var helpers = Docs[Docs.IndexOf("## Helpers", StringComparison.Ordinal)..];

        Assert.All(TemplateHelpers.Names, name => Assert.Contains($"`{name}`", helpers, StringComparison.Ordinal));
    }

    [Fact]
    public void Docs_DataSection_ListsEveryTopLevelKey()
    {
        var data = Docs[Docs.IndexOf("## Data", StringComparison.Ordinal)..Docs.IndexOf("## Helpers", StringComparison.Ordinal)];

        Assert.All(TemplateModel.Build(SampleServices.Shop()).Keys, key => Assert.Contains($"`{key}", data, StringComparison.Ordinal));
    }
}
