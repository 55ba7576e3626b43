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
        DirectoryInfo infraLocal = EmptyInfraLocalCopy();
        try
        {
            // What an interrupted npm ci leaves: Azurite's entry script, but not the modules it loads.
            string script = Path.Combine(infraLocal.FullName, "node_modules", "azurite", "dist", "src", "azurite.js");
            Directory.CreateDirectory(Path.GetDirectoryName(script)!);
            await File.WriteAllTextAsync(script, "require('../generated/artifacts/models');\n");
            Assert.False(NodePackagesInstaller.IsInstalled(infraLocal.FullName));

            int installs = 0;
            await NodePackagesInstaller.EnsureInstalledAsync(infraLocal.FullName, TimeSpan.FromMinutes(5), () => installs++);

            Assert.Equal(1, installs);
            Assert.True(NodePackagesInstaller.IsInstalled(infraLocal.FullName));
            Assert.True(Directory.Exists(Path.Combine(infraLocal.FullName, "node_modules", "azurite", "dist", "src", "blob", "generated", "artifacts")),
                "the complete Azurite has its generated models");

            await NodePackagesInstaller.EnsureInstalledAsync(infraLocal.FullName, TimeSpan.FromMinutes(1), () => installs++);
            Assert.Equal(1, installs);
        }
        finally
        {
            infraLocal.Delete(recursive: true);
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
