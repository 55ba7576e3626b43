namespace Mage.Builds.Artifacts;

/// <summary>
/// Opens a resolved artifact for reading and verifies that what was opened is the file that was
/// resolved, closing the gap between <see cref="ArtifactResolver.Resolve"/> and the read in which a
/// job could replace a file or a folder by a symbolic link.
/// </summary>
/// <remarks>
/// .NET has no <c>O_NOFOLLOW</c>/<c>openat</c>, so the check happens after the open: the kernel's
/// name for the open descriptor (<c>/proc/self/fd/N</c>) must be exactly the resolved path, which
/// is under the workspace's real path. Linux only. Thread-safe.
/// </remarks>
public static class ArtifactReader
{
    /// <summary>Opens <paramref name="file"/> for reading.</summary>
    /// <exception cref="IOException">The opened file is not the resolved one (the message says so for the log).</exception>
    public static FileStream OpenRead(ArtifactFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        try
        {
            var descriptor = stream.SafeFileHandle.DangerousGetHandle().ToInt64();
            var opened = new FileInfo($"/proc/self/fd/{descriptor}").LinkTarget;
            if (!string.Equals(opened, file.FullPath, StringComparison.Ordinal))
            {
                throw new IOException($"artifact {file.Name} refused: it changed while it was collected (it now leads to {opened ?? "an unknown file"})");
            }

            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
