using Mage.Catalog;

namespace Mage.Catalog.Tests;

public sealed class ServiceValidatorTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("api")]
    [InlineData("0-service-9")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void Validate_ValidName_NoErrors(string name) =>
        Assert.Empty(ServiceValidator.Validate(name, new ServiceUpdate(null, null, null)));

    [Theory]
    [InlineData("")]
    [InlineData("-api")]
    [InlineData("Api")]
    [InlineData("api_v2")]
    [InlineData("api.v2")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Validate_InvalidName_NamesRule(string name)
    {
        var error = Assert.Single(ServiceValidator.Validate(name, new ServiceUpdate(null, null, null)));

        Assert.Equal("name", error.Path);
        Assert.Contains(CatalogNames.ServiceNameRule, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gitlab", "https://gitlab.com/group/project.git")]
    [InlineData("gitlab", "http://gitlab.local:8080/group/sub/project")]
    [InlineData("git", "https://example.com/repo.git")]
    [InlineData("git", "ssh://git@example.com:2222/repo.git")]
    [InlineData("git", "file:///srv/git/repo.git")]
    [InlineData("git", "git@gitlab.com:group/project.git")]
    public void Validate_ValidRepository_NoErrors(string provider, string url) =>
        Assert.Empty(ServiceValidator.Validate("api", new ServiceUpdate(null, new RepositoryUpdate(provider, url, null, "release/1.x", null), null)));

    [Theory]
    [InlineData("gitlab", "git@gitlab.com:group/project.git")]
    [InlineData("gitlab", "ssh://gitlab.com/group/project.git")]
    [InlineData("git", "ftp://example.com/repo.git")]
    [InlineData("git", "not a url")]
    [InlineData("git", "relative/path")]
    [InlineData("git", "git@host:-oProxyCommand=evil")]
    [InlineData("git", "https://user:password@example.com/repo.git")]
    [InlineData("git", "")]
    public void Validate_InvalidUrl_ReportsRepositoryUrl(string provider, string url)
    {
        var error = Assert.Single(ServiceValidator.Validate("api", new ServiceUpdate(null, new RepositoryUpdate(provider, url, null, null, null), null)));

        Assert.Equal("repository.url", error.Path);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOneWithoutToken()
    {
        var update = new ServiceUpdate(new string('x', 300), new RepositoryUpdate("github", "nope", "has space", "bad..branch", "glpat-secret"), null);

        var errors = ServiceValidator.Validate("Bad_Name", update);

        Assert.Equal(["name", "displayName", "repository.provider", "repository.url", "repository.project", "repository.targetBranch"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.DoesNotContain("glpat-secret", e.Message, StringComparison.Ordinal));
        Assert.Contains("gitlab, git", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoBody_ReportsBody() =>
        Assert.Contains(ServiceValidator.Validate("api", null), e => e.Path == "");
}
