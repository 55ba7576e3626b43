using Microsoft.Extensions.Logging;

namespace Mage.Builds.Drivers;

/// <summary>Removes a folder tree without following symbolic links, also when a job made parts of it read-only.</summary>
internal static class WorkspaceCleaner
{
    /// <summary>Deletes <paramref name="path"/> (a folder tree, a file or a link) if it exists. A symbolic link is removed, never followed.</summary>
    internal static void DeleteTree(string path, ILogger logger)
    {
        var info = new DirectoryInfo(path);
        if (info.LinkTarget is not null || File.Exists(path))
        {
            // A link or a file at the workspace's place (a Create that failed half way):
            // remove that entry only, never what a link points to.
            File.Delete(path);
            return;
        }

        if (!info.Exists)
        {
            return;
        }

        try
        {
            // .NET removes links inside the tree as links (lstat), it does not descend into them.
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            // A job may have removed write permission from its own folders (chmod -R a-w).
            DriverLog.DeleteRetry(logger, path, ex);
            MakeWritable(info);
            Directory.Delete(path, recursive: true);
        }
    }

    private static void MakeWritable(DirectoryInfo directory)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(PlatformGuard.Message);
        }

        directory.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        foreach (var child in directory.EnumerateDirectories())
        {
            if (child.LinkTarget is null)
            {
                MakeWritable(child);
            }
        }
    }
}
