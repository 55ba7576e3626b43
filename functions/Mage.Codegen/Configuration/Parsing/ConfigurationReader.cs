using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>
/// Turns the YAML tree into a candidate <see cref="ServiceConfiguration"/>, collecting every
/// shape problem instead of stopping at the first; a bad item is reported and left out so the
/// rest can still be checked. Cross-section checks are <see cref="ConfigurationLinter"/>'s.
/// </summary>
internal sealed partial class ConfigurationReader(ConfigurationLimits limits) : ManifestNodeReader
{

    // Paths of keys that an unknown key was probably meant to be: "missing" is not said twice.
    private readonly HashSet<string> _misspelled = new(StringComparer.Ordinal);

    public IReadOnlyList<ConfigurationDiagnostic> Diagnostics => [.. Reported.Select(ConfigurationDiagnostic.From)];

    public bool EntityEndpointsGiven { get; private set; }

    public ServiceConfiguration? Read(ManifestNode? root)
    {
        if (root is not null)
        {
            Record(string.Empty, root);
        }

        if (root is null or ManifestScalar { IsNull: true })
        {
            Error(string.Empty, SourcePosition.Start, "the configuration is empty; start with \"service: NAME\" and \"pack: aspnet-minimal-api\" (docs/configuration.md has a complete example)");
            return null;
        }

        if (root is not ManifestMapping map)
        {
            Error(string.Empty, root.Position, $"a configuration must be a mapping of keys (service, pack, model, …), not a {root.KindName}");
            return null;
        }

        var fields = Fields(map, string.Empty, ConfigurationKeys.TopLevel, "key");
        var service = String(fields, string.Empty, "service");
        if (service is null)
        {
            if (!_misspelled.Contains("service"))
            {
                Error("service", map.Position, "service is required: the name of the service this configuration describes, e.g. \"service: orders\"");
            }
        }
        else if (!Catalog.CatalogNames.IsValidServiceName(service))
        {
            Error("service", Catalog.CatalogNames.ServiceNameProblem(service));
        }

        var entities = ReadModel(Get(fields, "model"));
        var spells = ReadSpells(Get(fields, "spells"));
        return new ServiceConfiguration(
            Service: service ?? string.Empty,
            Description: String(fields, string.Empty, "description"),
            Pack: ReadPack(fields, map.Position),
            Entities: entities,
            Endpoints: ReadEndpoints(Get(fields, "endpoints")),
            Spells: spells);
    }

    private PackSource ReadPack(Dictionary<string, ManifestNode> fields, SourcePosition rootPosition)
    {
        var unknown = new PackSource.BuiltIn(string.Empty);
        switch (Get(fields, "pack"))
        {
            case null when _misspelled.Contains("pack"):
                return unknown;
            case null:
                Error("pack", rootPosition, "pack is required: a built-in template pack (pack: aspnet-minimal-api), a git repository (pack: { git: URL, ref: REF, path: DIR }) or an uploaded object (pack: { object: NAME })");
                return unknown;
            case ManifestScalar { Value: var name }:
                if (!PackNames.IsValidBuiltInName(name))
                {
                    Error("pack", $"pack \"{Shorten(name)}\" is not a built-in pack name (lowercase letters, digits and '-'); for a git pack write pack: {{ git: URL }}");
                    return unknown;
                }

                return new PackSource.BuiltIn(name);
            case ManifestMapping map:
                return ReadPackMapping(map);
            case var other:
                Error("pack", other.Position, $"pack must be a name or a mapping, not a {other.KindName}");
                return unknown;
        }
    }

    private PackSource ReadPackMapping(ManifestMapping map)
    {
        var unknown = new PackSource.BuiltIn(string.Empty);
        var fields = Fields(map, "pack", ConfigurationKeys.Pack, "pack key");
        var git = String(fields, "pack", "git");
        var objectName = String(fields, "pack", "object");
        var gitRef = String(fields, "pack", "ref");
        var path = String(fields, "pack", "path");
        if (git is not null && objectName is not null)
        {
            Error("pack.object", "pack has both git and object; a pack comes from one place, keep one of them");
            return unknown;
        }

        if (objectName is not null)
        {
            foreach (var extra in new[] { "ref", "path" }.Where(fields.ContainsKey))
            {
                Error($"pack.{extra}", $"pack.{extra} applies to git packs only; an uploaded object holds the pack at its root");
            }

            if (!Catalog.CatalogNames.IsValidObjectName(objectName))
            {
                Error("pack.object", Catalog.CatalogNames.ObjectNameProblem(objectName));
                return unknown;
            }

            return new PackSource.Object(objectName);
        }

        if (git is null)
        {
            Error("pack", map.Position, "pack needs git (a repository URL) or object (an uploaded object's name)");
            return unknown;
        }

        var ok = true;
        if (PackNames.GitUrlProblem(git) is { } urlProblem)
        {
            Error("pack.git", urlProblem);
            ok = false;
        }

        if (gitRef is not null && PackNames.GitRefProblem(gitRef) is { } refProblem)
        {
            Error("pack.ref", refProblem);
            ok = false;
        }

        var folder = (path ?? string.Empty).Trim('/');
        if (path is not null && path.StartsWith('/'))
        {
            Error("pack.path", $"pack.path \"{Shorten(path)}\" is absolute; write the pack's folder relative to the repository root");
            ok = false;
        }
        else if (folder.Split('/', '\\').Contains(".."))
        {
            Error("pack.path", $"pack.path \"{Shorten(path!)}\" climbs out with \"..\"; write a folder inside the repository");
            ok = false;
        }

        return ok ? new PackSource.Git(git, gitRef, folder) : unknown;
    }
}
