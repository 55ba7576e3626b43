using System.Diagnostics;
using Mage.Azurite;
using Mage.Testing;

namespace Mage.Azurite.Tests;

/// <summary>
/// The newcomer's first <c>dotnet test</c>: every test project starts at once on a clone without
/// <c>infra/local/node_modules</c>, and each one installs Azurite. These tests install into private
/// copies of infra/local (package.json and its lock file), never into the repository's.
/// </summary>
public sealed class NodePackagesInstallerTests
{
    private const int Processes = 4;

    private static DirectoryInfo EmptyInfraLocalCopy()
    {
        DirectoryInfo copy = Directory.CreateTempSubdirectory("mage-infra-local-");
        foreach (string file in new[] { "package.json", "package-lock.json" })
        {
            File.Copy(Path.Combine(RepositoryRoot.InfraLocal, file), Path.Combine(copy.FullName, file));
        }
        return copy;
    }

    // package.json and lock file pinning one small package with no dependencies (ms 2.1.3, which
    // Azurite's lock file pins too, so npm usually has it cached).
    private static DirectoryInfo TinyPackageFolder()
    {
        DirectoryInfo folder = Directory.CreateTempSubdirectory("mage-npm-tiny-");
        File.WriteAllText(Path.Combine(folder.FullName, "package.json"), """{ "name": "tiny", "private": true, "dependencies": { "ms": "2.1.3" } }""");
        File.WriteAllText(Path.Combine(folder.FullName, "package-lock.json"), """
            {
              "name": "tiny",
              "lockfileVersion": 3,
              "requires": true,
              "packages": {
                "": { "name": "tiny", "dependencies": { "ms": "2.1.3" } },
                "node_modules/ms": {
                  "version": "2.1.3",
                  "integrity": "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==",
                  "license": "MIT"
                }
              }
            }
            """);
        return folder;
    }

    private static async Task<(int ExitCode, string Output)> RunProbeAsync(string infraLocal)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(InstallProbeProgram).Assembly.Location, InstallProbeProgram.Verb, infraLocal },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "[killed after 6 minutes] " + await stdout + await stderr);
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task StartAsync_SeveralProcessesAtOnceOnAnEmptyInfraLocal_OneInstallsAndEveryOneServes()
    {
        DirectoryInfo infraLocal = EmptyInfraLocalCopy();
        try
        {
            (int ExitCode, string Output)[] runs = await Task.WhenAll(Enumerable.Range(0, Processes).Select(_ => RunProbeAsync(infraLocal.FullName)));

            string all = string.Join("\n---\n", runs.Select(r => $"exit {r.ExitCode}: {r.Output}"));
            Assert.All(runs, r => Assert.True(r.ExitCode == 0 && r.Output.Contains("READY", StringComparison.Ordinal), all));
            Assert.Equal(1, runs.Count(r => r.Output.Contains("INSTALLING 3.37", StringComparison.Ordinal)));
            Assert.True(NodePackagesInstaller.IsInstalled(infraLocal.FullName));
            Assert.Empty(infraLocal.EnumerateDirectories(".node_modules-staging-*"));
        }
        finally
        {
            infraLocal.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task EnsureInstalledAsync_HalfWrittenNodeModules_IsReplacedByACompleteInstall()
    {
        // A one-package lock file (ms, no dependencies of its own): the same npm ci path as Azurite's
        // in a second instead of minutes.
        DirectoryInfo folder = TinyPackageFolder();
        try
        {
            // What an interrupted npm ci leaves: the package's folder and manifest, but not its code.
            string package = Path.Combine(folder.FullName, "node_modules", "ms");
            Directory.CreateDirectory(package);
            await File.WriteAllTextAsync(Path.Combine(package, "package.json"), """{ "name": "ms", "version": "2.1.3", "main": "./index" }""");
            Assert.False(NodePackagesInstaller.IsInstalled(folder.FullName));

            int installs = 0;
            await NodePackagesInstaller.EnsureInstalledAsync(folder.FullName, TimeSpan.FromMinutes(2), () => installs++);

            Assert.Equal(1, installs);
            Assert.True(NodePackagesInstaller.IsInstalled(folder.FullName));
            Assert.True(File.Exists(Path.Combine(package, "index.js")), "the complete install has the package's code");
            Assert.Empty(folder.EnumerateDirectories(".node_modules-staging-*"));

            await NodePackagesInstaller.EnsureInstalledAsync(folder.FullName, TimeSpan.FromMinutes(1), () => installs++);
            Assert.Equal(1, installs);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task EnsureInstalledAsync_LockFileChangedAfterInstall_InstallsAgain()
    {
        DirectoryInfo folder = TinyPackageFolder();
        try
        {
            int installs = 0;
            await NodePackagesInstaller.EnsureInstalledAsync(folder.FullName, TimeSpan.FromMinutes(2), () => installs++);
            Assert.True(NodePackagesInstaller.IsInstalled(folder.FullName));

            // A new pin (here only the lock file's formatting changes, which is enough to change its hash).
            await File.AppendAllTextAsync(Path.Combine(folder.FullName, "package-lock.json"), "\n");
            Assert.False(NodePackagesInstaller.IsInstalled(folder.FullName));
            await NodePackagesInstaller.EnsureInstalledAsync(folder.FullName, TimeSpan.FromMinutes(2), () => installs++);

            Assert.Equal(2, installs);
            Assert.True(NodePackagesInstaller.IsInstalled(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task EnsureInstalledAsync_LockFileOutOfStepWithPackageJson_FailsWithNpmsWordsAndTheLikelyCauses()
    {
        DirectoryInfo folder = Directory.CreateTempSubdirectory("mage-npm-broken-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "package.json"), """{ "name": "broken", "private": true, "dependencies": { "azurite": "3.37.0" } }""");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "package-lock.json"), """{ "name": "broken", "lockfileVersion": 3, "requires": true, "packages": { "": { "name": "broken" } } }""");

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NodePackagesInstaller.EnsureInstalledAsync(folder.FullName, TimeSpan.FromMinutes(2)));

            Assert.Contains("'npm ci' for", error.Message, StringComparison.Ordinal);
            Assert.Contains("npm config get registry", error.Message, StringComparison.Ordinal);
            Assert.Contains("in sync", error.Message, StringComparison.Ordinal);
            Assert.False(NodePackagesInstaller.IsInstalled(folder.FullName));
            Assert.False(Directory.Exists(Path.Combine(folder.FullName, "node_modules")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task EnsureInstalledAsync_NpmCannotBeStarted_SaysNodeJsIsNeeded()
    {
        DirectoryInfo infraLocal = EmptyInfraLocalCopy();
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                NodePackagesInstaller.EnsureInstalledAsync(infraLocal.FullName, TimeSpan.FromMinutes(1), null, "/nonexistent/npm", CancellationToken.None));

            Assert.Contains("Node.js", error.Message, StringComparison.Ordinal);
            Assert.Contains("/nonexistent/npm", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            infraLocal.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task IsInstalled_MarkerOfAnotherLockFile_IsFalse()
    {
        DirectoryInfo infraLocal = EmptyInfraLocalCopy();
        try
        {
            Directory.CreateDirectory(Path.Combine(infraLocal.FullName, "node_modules"));
            await File.WriteAllTextAsync(Path.Combine(infraLocal.FullName, "node_modules", NodePackagesInstaller.MarkerName), "0123ABCD\n");

            Assert.False(NodePackagesInstaller.IsInstalled(infraLocal.FullName));
        }
        finally
        {
            infraLocal.Delete(recursive: true);
        }
    }
}
