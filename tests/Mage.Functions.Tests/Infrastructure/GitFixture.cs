using Mage.Testing;

namespace Mage.Functions.Tests.Infrastructure;

/// <summary>Real git repositories in temporary folders.</summary>
public static class GitFixture
{
    /// <summary>A bare repository with one commit holding <paramref name="file"/>; returns its path.</summary>
    public static async Task<string> CreateBareRepositoryAsync(string file, string content)
    {
        var root = Directory.CreateTempSubdirectory("mage-git-").FullName;
        var work = Path.Combine(root, "work");
        var bare = Path.Combine(root, "repo.git");
        Directory.CreateDirectory(work);
        await File.WriteAllTextAsync(Path.Combine(work, file), content);
        await TestGit.RunAsync(work, "init", "-q", "-b", "main");
        await TestGit.RunAsync(work, "add", ".");
        await TestGit.RunAsync(work, "-c", "user.name=Mage Tests", "-c", "user.email=tests@mage.invalid", "commit", "-q", "-m", "initial");
        await TestGit.RunAsync(root, "clone", "-q", "--bare", work, bare);
        return bare;
    }

}
