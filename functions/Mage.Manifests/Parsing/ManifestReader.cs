namespace Mage.Manifests;

/// <summary>
/// Turns the YAML tree into a <see cref="Manifest"/>, collecting every shape problem instead of
/// stopping at the first; a bad item is reported and left out so the rest can still be checked.
/// </summary>
internal sealed partial class ManifestReader : ManifestNodeReader
{
    private readonly List<string> _jobPaths = [];

    public IReadOnlyList<ManifestDiagnostic> Diagnostics => Reported;

    /// <summary>The path (<c>jobs[i]</c>) of each job in <see cref="Manifest.Jobs"/>; items that are not jobs are skipped there.</summary>
    public IReadOnlyList<string> JobPaths => _jobPaths;

    public Manifest Read(ManifestNode? root)
    {
        if (root is not null)
        {
            Record(string.Empty, root);
        }

        if (root is null or ManifestScalar { IsNull: true })
        {
            return Empty;
        }

        if (root is not ManifestMapping map)
        {
            Error(string.Empty, root.Position,
                $"a manifest must be a mapping of keys (driver, stages, jobs, …), not a {root.KindName}");
            return Empty;
        }

        var fields = Fields(map, string.Empty, ManifestKeys.TopLevel, "key");
        return new Manifest(
            Namespace: String(fields, string.Empty, "namespace"),
            Driver: ReadDriver(fields),
            Env: ReadEnv(fields),
            Objects: ReadPassthroughs(Get(fields, "objects"), "objects", "object"),
            Sources: ReadSources(fields),
            Stages: StringList(Get(fields, "stages"), "stages"),
            AllowFailures: StringList(Get(fields, "allow_failures"), "allow_failures"),
            Jobs: ReadJobs(Get(fields, "jobs")),
            Timeout: ReadTimeout(fields, string.Empty));
    }

    private static Manifest Empty => new(null, null, [], [], [], [], [], [], null);

    private ManifestDriver? ReadDriver(Dictionary<string, ManifestNode> fields)
    {
        var node = Get(fields, "driver");
        if (node is null)
        {
            return null;
        }

        if (node is not ManifestMapping map)
        {
            Error("driver", node.Position, $"driver must be a mapping such as \"type: docker\", not a {node.KindName}");
            return null;
        }

        // Unknown keys depend on the type, so the linter judges them; here every key is "known".
        var entries = Fields(map, "driver", known: null, "driver key");
        var options = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string type = string.Empty;
        foreach (var (key, value) in entries)
        {
            var text = String(entries, "driver", key, " (djinn's driver is a flat map of strings)");
            if (key == "type")
            {
                type = text ?? string.Empty;
            }
            else if (text is not null)
            {
                options[key] = text;
            }
        }

        return new ManifestDriver(type, new Dictionary<string, string>(options, StringComparer.Ordinal));
    }

    private List<EnvVariable> ReadEnv(Dictionary<string, ManifestNode> fields)
    {
        var env = new List<EnvVariable>();
        var items = StringItems(Get(fields, "env"), "env");
        foreach (var (path, position, text) in items)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                Error(path, position,
                    $"env item \"{text}\" has no \"=\"; write it as KEY=VALUE, e.g. \"{text}=value\" (djinn fails on it with a server error)");
            }
            else if (equals == 0)
            {
                Error(path, position, $"env item \"{text}\" has an empty name; write it as KEY=VALUE");
            }
            else
            {
                env.Add(new EnvVariable(text[..equals], text[(equals + 1)..]));
            }
        }

        return env;
    }

    private List<ManifestSource> ReadSources(Dictionary<string, ManifestNode> fields)
    {
        var sources = new List<ManifestSource>();
        var node = Get(fields, "sources");
        foreach (var (item, index) in Items(node, "sources"))
        {
            var path = $"sources[{index}]";
            Record(path, item);
            switch (item)
            {
                case ManifestScalar { IsNull: false, Value: var text } when text.Trim().Length > 0:
                    var source = SourceSyntax.Parse(text);
                    if (source.Directory.Length == 0)
                    {
                        Error(path, item.Position, $"source \"{text}\" has an empty directory after \"=>\"");
                    }
                    else if (RelativePaths.Problem(source.Directory) is { } problem)
                    {
                        Error(path, item.Position, $"source directory \"{source.Directory}\" {problem}");
                    }
                    else
                    {
                        sources.Add(source);
                    }

                    break;
                case ManifestScalar:
                    Error(path, item.Position, "source is empty; write \"url [ref] [=> dir]\"");
                    break;
                case ManifestMapping map:
                    Error(path, item.Position, LegacySourceMessage(map));
                    break;
                default:
                    Error(path, item.Position, $"sources[{index}] must be a string \"url [ref] [=> dir]\", not a {item.KindName}");
                    break;
            }
        }

        return sources;
    }

    private static string LegacySourceMessage(ManifestMapping map)
    {
        string? Value(string key) => map.Entries
            .Where(e => e.Key is ManifestScalar k && k.Value == key)
            .Select(e => (e.Value as ManifestScalar)?.Value)
            .FirstOrDefault();

        var url = Value("url");
        var example = url is null ? "- https://example.com/repo.git [ref] [=> dir]" : "- " + SourceSyntax.Format(url, Value("ref"), Value("dir"));
        return $"a source must be a string \"url [ref] [=> dir]\"; the older \"- url: …\" form is not supported. Write: {example}";
    }

    private TimeSpan? ReadTimeout(Dictionary<string, ManifestNode> fields, string parent)
    {
        var text = String(fields, parent, "timeout");
        if (text is null)
        {
            return null;
        }

        if (DurationSyntax.TryParse(text, out var duration))
        {
            return duration;
        }

        var path = Join(parent, "timeout");
        Error(path, PositionOf(path), $"timeout \"{text}\" is not a duration; write e.g. 45m, 1h30m or 90s");
        return null;
    }
}
