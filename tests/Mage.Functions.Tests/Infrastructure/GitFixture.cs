using System.Diagnostics;

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
        await GitAsync(work, "init", "-q", "-b", "main");
        await GitAsync(work, "add", ".");
        await GitAsync(work, "-c", "user.name=Mage Tests", "-c", "user.email=tests@mage.invalid", "commit", "-q", "-m", "initial");
        await GitAsync(root, "clone", "-q", "--bare", work, bare);
        return bare;
    }

    private static async Task GitAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error}");
        }
    }
}
