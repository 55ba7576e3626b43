using System.Diagnostics;

namespace Mage.Azurite;

/// <summary>Finds node/npm and installs the pinned Azurite (once across concurrent processes).</summary>
internal static class NodeTooling
{
    public const string MissingNodeMessage =
        "Azurite needs Node.js: install Node.js 20+ or point AzureWebJobsStorage at a storage account.";

    public static string AzuriteScript(string infraLocal) =>
        Path.Combine(infraLocal, "node_modules", "azurite", "dist", "src", "azurite.js");

    public static string FindExecutable(string name) =>
        FindOnPath(name) ?? throw new InvalidOperationException(MissingNodeMessage + $" ('{name}' was not found on PATH.)");

    private static string? FindOnPath(string name)
    {
        string[] extensions = OperatingSystem.IsWindows() ? [".exe", ".cmd", ""] : [""];
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string ext in extensions)
            {
                string candidate = Path.Combine(dir, name + ext);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Runs <c>npm ci</c> when Azurite is missing. Several test processes start at once, so the install is
    /// serialised with an exclusive lock file and re-checked after the lock is taken.
    /// </summary>
    public static async Task EnsureInstalledAsync(string infraLocal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (File.Exists(AzuriteScript(infraLocal)))
        {
            return;
        }
        string npm = FindExecutable("npm");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        await using FileStream lockFile = await AcquireLockAsync(Path.Combine(infraLocal, ".azurite-install.lock"), deadline.Token).ConfigureAwait(false);
        if (File.Exists(AzuriteScript(infraLocal)))
        {
            return;
        }
        var start = new ProcessStartInfo(npm, ["ci", "--no-audit", "--no-fund"])
        {
            WorkingDirectory = infraLocal,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException(MissingNodeMessage);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'npm ci' in {infraLocal} did not finish within {timeout}.");
        }
        if (process.ExitCode != 0 || !File.Exists(AzuriteScript(infraLocal)))
        {
            string output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
            throw new InvalidOperationException($"'npm ci' in {infraLocal} failed (exit {process.ExitCode}): {Tail(output, 2000)}");
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static string Tail(string text, int max) => text.Length <= max ? text : "..." + text[^max..];
}
