using System.Security.Cryptography;

namespace Mage.Builds.Artifacts;

/// <summary>
/// Places uploaded objects (and generated files) into a workspace with the artifact rules: the
/// destination is relative, without <c>..</c>, and no existing part of it may be a symbolic link,
/// so an object can never be written outside the workspace.
/// </summary>
/// <remarks>
/// Objects are placed after Create and before any job runs, so nothing in the workspace changes
/// concurrently; the final file is still written to a new temporary name and renamed over the
/// destination, because a rename replaces a link where an open would follow it. Thread-safe for
/// distinct destinations.
/// </remarks>
public static class ObjectPlacer
{
    /// <summary>Checks <paramref name="destination"/> and returns its absolute path in <paramref name="workspace"/>.</summary>
    public static ObjectPlacement ResolveDestination(string workspace, string destination)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        destination ??= "";
        if (WorkspacePaths.TrySplit(destination.Trim(), out var segments) is { } problem)
        {
            return Refused(destination, problem);
        }

        var current = WorkspacePaths.RealPath(workspace);
        for (var i = 0; i < segments.Count; i++)
        {
            current = Path.Combine(current, segments[i]);
            var kind = WorkspacePaths.Kind(current);
            var shown = string.Join('/', segments.Take(i + 1));
            if (kind == WorkspacePaths.EntryKind.Link)
            {
                return Refused(destination, $"{shown} is a symbolic link");
            }

            if (kind == WorkspacePaths.EntryKind.File && i < segments.Count - 1)
            {
                return Refused(destination, $"{shown} is a file, not a folder");
            }

            if (kind == WorkspacePaths.EntryKind.Directory && i == segments.Count - 1)
            {
                return Refused(destination, "it is a folder");
            }
        }

        return new ObjectPlacement(destination, current, null);
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="destination"/> in <paramref name="workspace"/>,
    /// creating folders, replacing an existing file. A refusal is returned, not thrown.
    /// </summary>
    public static async Task<ObjectPlacement> PlaceAsync(string workspace, string destination, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var placement = ResolveDestination(workspace, destination);
        if (placement.FullPath is not { } target)
        {
            return placement;
        }

        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.mage-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // no-op after the move
        }

        return placement;
    }

    private static ObjectPlacement Refused(string destination, string reason) =>
        new(destination, null, $"object {destination} refused: {reason}");
}
