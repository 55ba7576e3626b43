using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Mage.Azurite;

/// <summary>
/// Installs a folder's pinned npm packages (<c>npm ci</c> from its <c>package-lock.json</c>) so that
/// any number of processes may ask at once: one installer at a time across processes (an exclusive
/// lock on <c>node_modules.lock</c> in the folder), the install is made in a temporary folder and
/// moved into place with one rename, and a marker inside <c>node_modules</c> records that it
/// completed for this exact lock file. A <c>node_modules</c> without a matching marker (interrupted
/// install, older pin, a hand-run <c>npm ci</c> that died) is replaced.
/// </summary>
/// <remarks>
/// Readers never see a half-written tree: until the rename, <c>node_modules</c> is either the old
/// complete one or absent. Thread-safe and process-safe; the lock is advisory (<c>flock</c>), so it
/// binds only processes that use this class.
/// </remarks>
public static class NodePackagesInstaller
{
    /// <summary>The marker file inside <c>node_modules</c>; it holds the SHA-256 of the installed lock file.</summary>
    public const string MarkerName = ".mage-install-complete";

    /// <summary>The lock file in the folder, held while one process installs.</summary>
    public const string LockName = "node_modules.lock";

    private const string StagingPrefix = ".node_modules-staging-";

    /// <summary>True when <c>node_modules</c> holds a completed install of the folder's current lock file.</summary>
    public static bool IsInstalled(string folder)
    {
        string marker = Path.Combine(folder, "node_modules", MarkerName);
        return File.Exists(marker) && File.ReadAllText(marker).Trim() == LockHash(folder);
    }

    /// <summary>
    /// Makes sure <paramref name="folder"/>'s packages are installed; returns at once when they are.
    /// <paramref name="installing"/> is called (once, by the process that installs) just before
    /// <c>npm ci</c> starts, so a caller can say why the first start is slow.
    /// </summary>
    /// <exception cref="InvalidOperationException">npm is missing, or <c>npm ci</c> failed (its output tail and the likely causes are in the message).</exception>
    /// <exception cref="TimeoutException">The install (including waiting for another process's) took longer than <paramref name="timeout"/>.</exception>
    public static Task EnsureInstalledAsync(string folder, TimeSpan timeout, Action? installing = null, CancellationToken cancellationToken = default) =>
        EnsureInstalledAsync(folder, timeout, installing, NodeTooling.FindExecutable("npm"), cancellationToken);

    internal static async Task EnsureInstalledAsync(string folder, TimeSpan timeout, Action? installing, string npm, CancellationToken cancellationToken)
    {
        folder = Path.GetFullPath(folder);
        if (!File.Exists(Path.Combine(folder, "package-lock.json")))
        {
            throw new ArgumentException($"'{folder}' holds no package-lock.json: npm ci installs only from a lock file.", nameof(folder));
        }

        if (IsInstalled(folder))
        {
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await using FileStream held = await AcquireLockAsync(Path.Combine(folder, LockName), deadline.Token).ConfigureAwait(false);
            // Another process may have installed while this one waited for the lock.
            if (IsInstalled(folder))
            {
                return;
            }

            installing?.Invoke();
            await InstallAsync(folder, npm, timeout, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Installing the npm packages of {folder} (npm ci, or waiting for another process's) did not finish within {timeout}. "
                + $"If no other install runs, delete {Path.Combine(folder, LockName)} only if a crashed process left it locked, and retry.");
        }
    }

    private static async Task InstallAsync(string folder, string npm, TimeSpan timeout, CancellationToken cancellationToken)
    {
        RemoveLeftoverStaging(folder);
        string staging = Path.Combine(folder, StagingPrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(staging);
        try
        {
            foreach (string file in new[] { "package.json", "package-lock.json", ".npmrc" })
            {
                if (File.Exists(Path.Combine(folder, file)))
                {
                    File.Copy(Path.Combine(folder, file), Path.Combine(staging, file));
                }
            }

            string hash = LockHash(folder);
            await RunNpmCiAsync(npm, staging, folder, timeout, cancellationToken).ConfigureAwait(false);
            string installed = Path.Combine(staging, "node_modules");
            if (!Directory.Exists(installed))
            {
                throw new InvalidOperationException($"'npm ci' for {folder} exited 0 but wrote no node_modules.");
            }

            await File.WriteAllTextAsync(Path.Combine(installed, MarkerName), hash + "\n", cancellationToken).ConfigureAwait(false);
            ReplaceNodeModules(folder, installed);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    private static async Task RunNpmCiAsync(string npm, string staging, string folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        {
            WorkingDirectory = staging,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(NodeTooling.MissingNodeMessage);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{NodeTooling.MissingNodeMessage} ('{npm}' could not be started: {e.Message}.)", e);
        }

        using (process)
        {
            // npm states the cause first and then prints pages of usage or lists: keep the head.
            var output = new OutputHead(20);
            process.OutputDataReceived += (_, e) => output.Add(e.Data);
            process.ErrorDataReceived += (_, e) => output.Add(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            // The parameterless wait drains the redirected output.
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'npm ci' for {folder} failed with exit code {process.ExitCode}. Is this machine online, and can npm reach its registry "
                    + $"(npm config get registry)? Is Node.js 20+ installed (node --version)? Run 'npm ci' in {folder} to see the whole error. npm said:\n{output}");
            }
        }
    }

    // The old tree (if any) is renamed away first, then the new one renamed in: each step is one
    // rename on the same file system, so node_modules is never a mixture of the two.
    private static void ReplaceNodeModules(string folder, string installed)
    {
        string target = Path.Combine(folder, "node_modules");
        if (Directory.Exists(target))
        {
            string old = Path.Combine(folder, StagingPrefix + "old-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            TryDelete(old);
            Directory.Move(target, old);
            TryDelete(old);
        }

        Directory.Move(installed, target);
    }

    // A staging folder can only be left by a process that died while holding the lock; the
    // caller holds it now, so nothing else is writing there.
    private static void RemoveLeftoverStaging(string folder)
    {
        foreach (string dir in Directory.EnumerateDirectories(folder, StagingPrefix + "*"))
        {
            TryDelete(dir);
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftovers are removed by the next install; they never count as installed.
        }
    }

    private static string LockHash(string folder) =>
        Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "package-lock.json"))));

    // FileShare.None takes an exclusive flock on Unix; the file stays in place (deleting it on close
    // would let a waiter lock an unlinked file while a third process locks a new one).
    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
