namespace Mage.Manifests;

/// <summary>Jobs and passthrough lists.</summary>
internal sealed partial class ManifestReader
{
    private List<ManifestJob> ReadJobs(ManifestNode? node)
    {
        var raw = new List<(int Index, string Stage, string? Name, IReadOnlyList<string> Commands, IReadOnlyList<Passthrough> Artifacts, TimeSpan? Timeout)>();
        foreach (var (item, index) in Items(node, "jobs"))
        {
            var path = $"jobs[{index}]";
            Record(path, item);
            if (item is not ManifestMapping map)
            {
                Error(path, item.Position, $"{path} must be a mapping with stage and commands, not a {item.KindName}");
                continue;
            }

            var fields = Fields(map, path, ManifestKeys.Job, "job key");
            raw.Add((
                index,
                String(fields, path, "stage") ?? string.Empty,
                String(fields, path, "name"),
                StringList(Get(fields, "commands"), $"{path}.commands"),
                ReadPassthroughs(Get(fields, "artifacts"), $"{path}.artifacts", "artifact"),
                ReadTimeout(fields, path)));
        }

        var defaults = JobNames.Defaults(raw.Select(j => j.Stage).ToList());
        var jobs = new List<ManifestJob>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var job = raw[i];
            var name = JobNames.Slug(defaults[i]);
            if (job.Name is { } given)
            {
                var slug = JobNames.Slug(given);
                if (slug.Length > 0)
                {
                    name = slug;
                }
                else
                {
                    var path = $"jobs[{job.Index}].name";
                    Error(path, PositionOf(path), $"job name \"{given}\" has no letters or digits; it would be empty once slugged");
                }
            }

            _jobPaths.Add($"jobs[{job.Index}]");
            jobs.Add(new ManifestJob(job.Stage, name, job.Commands, job.Artifacts, job.Timeout));
        }

        return jobs;
    }

    private List<Passthrough> ReadPassthroughs(ManifestNode? node, string path, string what)
    {
        // djinn keeps these in a map: a repeated source collapses and the last one wins.
        // We keep the first position (stable order) with the last destination, and say so.
        var result = new List<Passthrough>();
        var bySource = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (itemPath, position, text) in StringItems(node, path))
        {
            var passthrough = PassthroughSyntax.Parse(text);
            if (passthrough.Source.Length == 0)
            {
                Error(itemPath, position, $"{what} \"{text}\" has no source; write \"src\" or \"src => dst\"");
            }
            else if (passthrough.Destination.Length == 0)
            {
                Error(itemPath, position, $"{what} \"{text}\" has an empty destination after \"=>\"");
            }
            else if (RelativePaths.Problem(passthrough.Destination) is { } problem)
            {
                Error(itemPath, position, $"{what} destination \"{passthrough.Destination}\" {problem}");
            }
            else if (bySource.TryGetValue(passthrough.Source, out var earlier))
            {
                Warning(itemPath, position, $"{what} \"{passthrough.Source}\" is listed twice; the last one wins, as in djinn");
                result[earlier] = passthrough;
            }
            else
            {
                bySource[passthrough.Source] = result.Count;
                result.Add(passthrough);
            }
        }

        return result;
    }
}
