using System.Diagnostics;
using System.Text;

namespace Mage.Manifests.Tests;

/// <summary>Hostile input is refused quickly with a clear error, never a hang or an exhausted memory.</summary>
public class LimitsTests
{
    [Fact]
    public void Validate_BillionLaughs_IsRefusedQuickly()
    {
        var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            var refs = string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10));
            yaml.Append($"a{i}: &a{i} [{refs}]\n");
        }

        yaml.Append("jobs: *a9\n");
        var watch = Stopwatch.StartNew();

        var result = ManifestValidator.Validate(yaml.ToString());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.StartsWith("aliases expand to more than 10000 nodes", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Validate_DeepNesting_IsRefused()
    {
        var yaml = new string('[', 100_000) + new string(']', 100_000);

        var result = ManifestValidator.Validate(yaml);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("YAML is nested more than 64 levels deep", error.Message);
    }

    [Fact]
    public void Validate_DocumentOverTheSizeLimit_IsRefused()
    {
        var yaml = "# " + new string('x', 1024 * 1024) + "\n";

        var result = ManifestValidator.Validate(yaml);

        Assert.Equal("manifest is 1048579 bytes; the limit is 1048576 bytes", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void Validate_AliasBeforeItsAnchor_IsRefused()
    {
        var result = ManifestValidator.Validate("a: &x [*x]\n");

        Assert.Equal("1:8: error: alias *x refers to no anchor defined before it", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Validate_ModestAliasUse_IsAccepted()
    {
        var result = ManifestValidator.Validate("x: &d {type: os}\ndriver: *d\n");

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Validate_CustomLimits_AreApplied()
    {
        var limits = ManifestLimits.Default with { MaxBuildTimeout = TimeSpan.FromHours(3) };

        Assert.True(ManifestValidator.Validate("driver: {type: os}\ntimeout: 2h\n", limits).IsValid);
        Assert.False(ManifestValidator.Validate("driver: {type: os}\ntimeout: 2h\n").IsValid);
    }
}
