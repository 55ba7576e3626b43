
namespace Mage.Testing;

/// <summary>A real bare git repository in a temporary folder, with helpers to read it and to push to it as a person would.</summary>
public sealed class BareRepository : IDisposable
{
    private BareRepository(string root) => Root = root;

    public string Root { get; }

    public string Path => System.IO.Path.Combine(Root, "repo.git");

    public string FileUrl => new Uri(Path).AbsoluteUri;

    /// <summary>A bare repository whose <c>main</c> holds <paramref name="files"/> in one commit.</summary>
    public static async Task<BareRepository> CreateAsync(IReadOnlyDictionary<string, string>? files = null)
    {
        var repository = new BareRepository(Directory.CreateTempSubdirectory("mage-mr-git-").FullName);
        var work = System.IO.Path.Combine(repository.Root, "seed");
        Directory.CreateDirectory(work);
        foreach (var (path, content) in files ?? new Dictionary<string, string> { ["README.md"] = "# project\n" })
        {
            var full = System.IO.Path.Combine(work, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }

        await TestGit.RunAsync(work, "init", "-q", "-b", "main");
        await TestGit.RunAsync(work, "add", "-A");
        await TestGit.RunAsync(work, "commit", "-q", "-m", "initial");
        await TestGit.RunAsync(repository.Root, "clone", "-q", "--bare", work, repository.Path);
        return repository;
    }

    public Task<string> InRepositoryAsync(params string[] args) => TestGit.RunAsync(Path, args);

    /// <summary>The commit count of <paramref name="branch"/>.</summary>
    public async Task<int> CountAsync(string branch) => int.Parse((await InRepositoryAsync("rev-list", "--count", branch)).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A file's content at <paramref name="branch"/>, or null.</summary>
    public async Task<string?> ShowAsync(string branch, string path)
    {
        try
        {
            return await InRepositoryAsync("show", $"{branch}:{path}");
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Commits <paramref name="changes"/> on <paramref name="branch"/> and pushes, as a person would.</summary>
    public async Task PushAsync(string branch, IReadOnlyDictionary<string, string> changes, Action<string>? prepare = null)
    {
        var work = System.IO.Path.Combine(Root, "person-" + Guid.NewGuid().ToString("N")[..8]);
        await TestGit.RunAsync(Root, "clone", "-q", "-b", branch, Path, work);
        foreach (var (path, content) in changes)
        {
            var full = System.IO.Path.Combine(work, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }

        prepare?.Invoke(work);
        await TestGit.RunAsync(work, "add", "-A");
        await TestGit.RunAsync(work, "commit", "-q", "-m", "a person's change");
        await TestGit.RunAsync(work, "push", "-q", "origin", branch);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder does not affect other tests.
        }
    }
}
