using System.Globalization;

namespace Mage.Builds.Artifacts;

/// <summary>
/// Turns a job's artifact entry (<c>src =&gt; dst</c>) into the files to collect from the workspace,
/// refusing anything that could read outside it.
/// </summary>
/// <remarks>
/// <para>Source: relative to the workspace; <c>*</c>, <c>?</c>, <c>[…]</c> within one path part
/// (Go's <c>filepath.Match</c>) and <c>**</c> for any number of folders. Only files are collected
/// (like djinn): a source that is (or a pattern that matches) a folder collects every file below
/// it.</para>
/// <para>Names: a plain file path is stored as <c>dst</c> (its base name when <c>dst</c> is empty).
/// Otherwise each file keeps its path relative to the pattern's fixed leading part (for a folder:
/// the folder's name) under <c>dst</c>. As in djinn, a <c>*</c> in <c>dst</c> is replaced by the
/// file's base name instead.</para>
/// <para>Safety: every path part is inspected with lstat; a symbolic link anywhere, a <c>..</c> or an
/// absolute path is refused with a message naming it; links are never followed. Files over the
/// size limit are refused. Refusals are messages for the job log, never errors. Between resolving
/// and reading, a job could swap a file for a link: read through <see cref="ArtifactReader"/>, which
/// checks what it actually opened. Hard links are not detected (a job could only link files its
/// own user can read anyway).</para>
/// <para>Pure apart from reading the file system; thread-safe.</para>
/// </remarks>
public static class ArtifactResolver
{
    /// <summary>Resolves <paramref name="sourcePattern"/> in <paramref name="workspace"/>.</summary>
    /// <param name="workspace">The workspace folder (trusted; links in its own path are resolved).</param>
    /// <param name="sourcePattern">The manifest's source: a relative path or pattern.</param>
    /// <param name="destination">The manifest's destination name; may be empty.</param>
    /// <param name="maxBytes">The largest file accepted.</param>
    public static ArtifactResolution Resolve(string workspace, string sourcePattern, string destination, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(sourcePattern);
        destination ??= "";
        var state = new State(WorkspacePaths.RealPath(workspace), maxBytes, sourcePattern.Trim());

        if (WorkspacePaths.TrySplit(state.Pattern, out var segments) is { } badSource)
        {
            state.Refuse(state.Pattern, badSource);
            return state.Result();
        }

        List<string> destinationSegments = [];
        if (destination.Trim().Length > 0 && WorkspacePaths.TrySplit(destination.Trim(), out destinationSegments) is { } badDestination)
        {
            state.Refuse(state.Pattern, $"its destination {destination} is not acceptable: {badDestination}");
            return state.Result();
        }

        state.Destination = string.Join('/', destinationSegments);
        state.Globs = segments.Select(GlobSegment.Parse).ToList();
        state.Literal = state.Globs.All(g => g.IsLiteral);
        var fixedCount = state.Globs.TakeWhile(g => g.IsLiteral).Count();

        // The base of relative names: the fixed leading part of a pattern, or for a plain folder its parent.
        state.NameBase = state.Literal ? segments.Count - 1 : fixedCount;
        Walk(state, state.Workspace, [], 0);
        if (state.Files.Count == 0 && state.Refusals.Count == 0)
        {
            state.Refusals.Add(new ArtifactRefusal(state.Pattern, $"artifact {state.Pattern}: no file matches"));
        }

        return state.Result();
    }

    private static void Walk(State state, string directory, List<string> relative, int index)
    {
        if (index == state.Globs.Count)
        {
            return;
        }

        var glob = state.Globs[index];
        if (glob.IsRecursive)
        {
            Walk(state, directory, relative, index + 1); // ** as no folder at all
            foreach (var child in Entries(directory).Where(e => e.Kind != WorkspacePaths.EntryKind.File))
            {
                var childRelative = relative.Append(child.Name).ToList();
                if (child.Kind == WorkspacePaths.EntryKind.Link)
                {
                    // Only refuse links that the rest of the pattern could reach through.
                    if (index + 1 == state.Globs.Count || state.Globs[index + 1].Matches(child.Name))
                    {
                        state.RefuseLink(child.Path, childRelative);
                    }

                    continue;
                }

                Walk(state, child.Path, childRelative, index); // ** as one more folder
            }

            return;
        }

        if (glob.IsLiteral)
        {
            var path = Path.Combine(directory, glob.Text);
            Visit(state, path, WorkspacePaths.Kind(path), relative.Append(glob.Text).ToList(), index + 1);
            return;
        }

        foreach (var entry in Entries(directory).Where(e => glob.Matches(e.Name)))
        {
            Visit(state, entry.Path, entry.Kind, relative.Append(entry.Name).ToList(), index + 1);
        }
    }

    private static void Visit(State state, string path, WorkspacePaths.EntryKind kind, List<string> relative, int nextIndex)
    {
        switch (kind)
        {
            case WorkspacePaths.EntryKind.Link:
                state.RefuseLink(path, relative);
                break;
            case WorkspacePaths.EntryKind.Directory when nextIndex == state.Globs.Count:
                CollectTree(state, path, relative);
                break;
            case WorkspacePaths.EntryKind.Directory:
                Walk(state, path, relative, nextIndex);
                break;
            case WorkspacePaths.EntryKind.File when nextIndex == state.Globs.Count:
                state.Add(path, relative);
                break;
            default:
                break; // missing, or a file where the pattern wants a folder: no match
        }
    }

    private static void CollectTree(State state, string directory, List<string> relative)
    {
        foreach (var entry in Entries(directory))
        {
            var childRelative = relative.Append(entry.Name).ToList();
            switch (entry.Kind)
            {
                case WorkspacePaths.EntryKind.Link:
                    state.RefuseLink(entry.Path, childRelative);
                    break;
                case WorkspacePaths.EntryKind.Directory:
                    CollectTree(state, entry.Path, childRelative);
                    break;
                case WorkspacePaths.EntryKind.File:
                    state.Add(entry.Path, childRelative, fromFolder: true);
                    break;
                default:
                    break;
            }
        }
    }

    private static IEnumerable<(string Name, string Path, WorkspacePaths.EntryKind Kind)> Entries(string directory)
    {
        // Entries are lstat'ed: a link is reported as a link, never followed.
        return new DirectoryInfo(directory)
            .EnumerateFileSystemInfos()
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => (e.Name, e.FullName, WorkspacePaths.Kind(e.FullName)));
    }

    private sealed class State(string workspace, long maxBytes, string pattern)
    {
        private readonly HashSet<string> names = new(StringComparer.Ordinal);

        public string Workspace { get; } = workspace;

        public string Pattern { get; } = pattern;

        public string Destination { get; set; } = "";

        public List<GlobSegment> Globs { get; set; } = [];

        public bool Literal { get; set; }

        public int NameBase { get; set; }

        public List<ArtifactFile> Files { get; } = [];

        public List<ArtifactRefusal> Refusals { get; } = [];

        public ArtifactResolution Result() => new(Files, Refusals);

        public void Refuse(string source, string reason) =>
            Refusals.Add(new ArtifactRefusal(source, $"artifact {source} refused: {reason}"));

        public void RefuseLink(string path, List<string> relative) =>
            Refuse(string.Join('/', relative), WorkspacePaths.LinkReason(path, Workspace));

        public void Add(string path, List<string> relative, bool fromFolder = false)
        {
            var source = string.Join('/', relative);
            var size = new FileInfo(path).Length;
            if (size > maxBytes)
            {
                Refuse(source, string.Create(CultureInfo.InvariantCulture, $"it is {size} bytes, over the limit of {maxBytes} bytes"));
                return;
            }

            var name = NameFor(relative, fromFolder);
            if (!names.Add(name))
            {
                Refuse(source, $"another file is already stored as {name}");
                return;
            }

            Files.Add(new ArtifactFile(path, name, size));
        }

        private string NameFor(List<string> relative, bool fromFolder)
        {
            var baseName = relative[^1];
            if (Destination.Contains('*', StringComparison.Ordinal))
            {
                return Destination.Replace("*", baseName, StringComparison.Ordinal);
            }

            if (Literal && !fromFolder)
            {
                return Destination.Length > 0 ? Destination : baseName;
            }

            // A pattern's fixed leading part, or a plain folder's parent, is left out of the name;
            // with a destination, the plain folder's own name is replaced by it.
            var skip = Literal && Destination.Length > 0 ? NameBase + 1 : NameBase;
            var rest = string.Join('/', relative.Skip(skip));
            return Destination.Length > 0 ? Destination + "/" + rest : rest;
        }
    }
}
