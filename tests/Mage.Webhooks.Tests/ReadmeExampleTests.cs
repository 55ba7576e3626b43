using Mage.Testing;

namespace Mage.Webhooks.Tests;

public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task Readme_CSharpVerificationExample_IsTheTestedCode()
    {
        var source = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "tests", "Mage.Webhooks.Tests", "StandardWebhookVerifier.cs"));
        var begin = source.IndexOf("// README:begin\n", StringComparison.Ordinal) + "// README:begin\n".Length;
        var example = source[begin..source.IndexOf("// README:end", StringComparison.Ordinal)];
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "README.md"));

        Assert.Contains("static class StandardWebhookVerifier", example, StringComparison.Ordinal);
        Assert.Contains(example, readme, StringComparison.Ordinal);
    }
}
