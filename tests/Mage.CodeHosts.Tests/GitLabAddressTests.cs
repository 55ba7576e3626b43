using Mage.CodeHosts;
using Mage.CodeHosts.GitLab;

namespace Mage.CodeHosts.Tests;

public sealed class GitLabAddressTests
{
    [Theory]
    [InlineData("https://gitlab.com/group/project.git", null, "https://gitlab.com/api/v4/", "group/project")]
    [InlineData("https://gitlab.com/group/sub/project", null, "https://gitlab.com/api/v4/", "group/sub/project")]
    [InlineData("https://git.example.org:8443/gitlab/team/svc.git", "team/svc", "https://git.example.org:8443/gitlab/api/v4/", "team/svc")]
    [InlineData("https://git.example.org/team/svc.git", "1234", "https://git.example.org/api/v4/", "1234")]
    [InlineData("git@gitlab.example.com:team/svc.git", null, "https://gitlab.example.com/api/v4/", "team/svc")]
    [InlineData("ssh://git@gitlab.example.com:2222/team/svc.git", null, "https://gitlab.example.com/api/v4/", "team/svc")]
    [InlineData("http://127.0.0.1:5000/group/project.git", null, "http://127.0.0.1:5000/api/v4/", "group/project")]
    public void Parse_RepositorySettings_ApiRootAndProject(string url, string? project, string apiRoot, string expectedProject)
    {
        var address = GitLabAddress.Parse(url, project);

        Assert.Equal(apiRoot, address.ApiRoot.AbsoluteUri);
        Assert.Equal(expectedProject, address.Project);
    }

    [Fact]
    public void EncodedProject_Path_SlashesPercentEncoded() =>
        Assert.Equal("group%2Fsub%2Fproject", GitLabAddress.Parse("https://gitlab.com/group/sub/project.git", null).EncodedProject);

    [Theory]
    [InlineData("https://gitlab.com/", null)]
    [InlineData("/srv/git/project.git", null)]
    [InlineData("ftp://gitlab.com/group/project", null)]
    public void Parse_NotAGitLabAddress_Refused(string url, string? project) =>
        Assert.Throws<CodeHostException>(() => GitLabAddress.Parse(url, project));

    [Fact]
    public void Parse_UrlWithCredentials_MessageHidesThem()
    {
        var error = Assert.Throws<CodeHostException>(() => GitLabAddress.Parse("https://user:s3cret@gitlab.com/", null));

        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }
}
