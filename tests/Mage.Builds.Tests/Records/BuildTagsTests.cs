using Mage.Builds.Records;

namespace Mage.Builds.Tests.Records;

public sealed class BuildTagsTests
{
    [Theory]
    [InlineData("v1.4.0")]
    [InlineData("release_2026-11")]
    [InlineData("feature#3")]
    public void Validate_GitBranchComponent_Accepted(string tag) => Assert.Null(BuildTags.Validate(tag));

    [Theory]
    [InlineData("", "tag is required")]
    [InlineData("two words", "spaces")]
    [InlineData("a..b", "'..'")]
    [InlineData("a~b", "'~'")]
    [InlineData("a:b", "':'")]
    [InlineData("a/b", "'/'")]
    [InlineData("-v1", "start with '-'")]
    [InlineData("v1.lock", "'.lock'")]
    [InlineData("a@{b", "'@{'")]
    [InlineData("v1.", "start or end with '.'")]
    [InlineData("tab\tin", "control characters")]
    public void Validate_NotABranchComponent_SaysWhatIsWrong(string tag, string expected) =>
        Assert.Contains(expected, BuildTags.Validate(tag), StringComparison.Ordinal);
}
