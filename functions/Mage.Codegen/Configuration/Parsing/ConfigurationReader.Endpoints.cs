using System.Globalization;
using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary><c>endpoints: { entities: { Entity: [operations] | all | { operations, route } }, custom: { name: { method, route, description, calls } } }</c>.</summary>
internal sealed partial class ConfigurationReader
{
    private EndpointSet ReadEndpoints(ManifestNode? node)
    {
        if (Mapping(node, "endpoints", "entities and custom") is not { } map)
        {
            return new EndpointSet([], []);
        }

        var fields = Fields(map, "endpoints", ConfigurationKeys.Endpoints, "endpoints key");
        EntityEndpointsGiven = fields.ContainsKey("entities");
        return new EndpointSet(ReadEntityEndpoints(Get(fields, "entities")), ReadCustomEndpoints(Get(fields, "custom")));
    }

    private List<EntityEndpoints> ReadEntityEndpoints(ManifestNode? node)
    {
        var result = new List<EntityEndpoints>();
        const string path = "endpoints.entities";
        if (Mapping(node, path, "entity names to operations, e.g. Customer: [list, get, create]") is not { } map)
        {
            return result;
        }

        foreach (var (entity, value) in Fields(map, path, known: null, "entity"))
        {
            var entityPath = Join(path, entity);
            var route = IdentifierSyntax.DefaultRoute(entity);
            IReadOnlyList<EntityOperation>? operations;
            switch (value)
            {
                case ManifestMapping longForm:
                    var fields = Fields(longForm, entityPath, ConfigurationKeys.EntityEndpoints, "key");
                    operations = fields.ContainsKey("operations")
                        ? ReadOperations(Get(fields, "operations"), Join(entityPath, "operations"))
                        : [.. Enum.GetValues<EntityOperation>()];
                    if (String(fields, entityPath, "route") is { } given)
                    {
                        if (RouteSyntax.Problem(given) is { } problem)
                        {
                            Error(Join(entityPath, "route"), $"route \"{Shorten(given)}\" {problem}");
                        }
                        else if (RouteSyntax.Parameters(given).Count > 0)
                        {
                            Error(Join(entityPath, "route"), $"route \"{Shorten(given)}\" of an entity cannot hold parameters; the key segment is added for get, update and delete");
                        }
                        else
                        {
                            route = given;
                        }
                    }

                    break;
                default:
                    operations = ReadOperations(value, entityPath);
                    break;
            }

            if (operations is not null)
            {
                result.Add(new EntityEndpoints(entity, route, operations));
            }
        }

        return result;
    }

    /// <summary>A list of operations or the word <c>all</c>; null when absent or unusable.</summary>
    private List<EntityOperation>? ReadOperations(ManifestNode? node, string path)
    {
        switch (node)
        {
            case null or ManifestScalar { IsNull: true }:
                Error(path, $"{path} names no operation; write all, or a list such as [list, get, create, update, delete]");
                return null;
            case ManifestScalar { Value: "all" }:
                return [.. Enum.GetValues<EntityOperation>()];
            case ManifestSequence seq:
                var chosen = new SortedSet<EntityOperation>();
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    var itemPath = $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]";
                    Record(itemPath, seq.Items[i]);
                    var text = (seq.Items[i] as ManifestScalar)?.Value ?? string.Empty;
                    var index = IndexIn(ConfigurationKeys.Operations, text);
                    if (index < 0)
                    {
                        Error(itemPath, $"unknown operation \"{Shorten(text)}\"{Suggestions.DidYouMean(text, ConfigurationKeys.Operations)} (operations: {string.Join(", ", ConfigurationKeys.Operations)})");
                    }
                    else if (!chosen.Add((EntityOperation)index))
                    {
                        Error(itemPath, $"operation {text} is listed twice");
                    }
                }

                if (seq.Items.Count == 0)
                {
                    Error(path, $"{path} is an empty list; list operations or remove the entity to expose none");
                }

                return chosen.Count == 0 ? null : [.. chosen];
            default:
                Error(path, node.Position, $"{path} must be all, a list of operations ([list, get, create, update, delete]) or a mapping with operations and route");
                return null;
        }
    }

    private List<CustomEndpoint> ReadCustomEndpoints(ManifestNode? node)
    {
        var result = new List<CustomEndpoint>();
        const string path = "endpoints.custom";
        if (Mapping(node, path, "endpoint names to { method, route }, e.g. dailyReport: { method: GET, route: /reports/daily }") is not { } map)
        {
            return result;
        }

        var byName = Fields(map, path, known: null, "custom endpoint");
        if (byName.Count > limits.MaxCustomEndpoints)
        {
            Error(path, map.Position, $"there are {byName.Count} custom endpoints; the limit is {limits.MaxCustomEndpoints}");
            return result;
        }

        foreach (var (name, value) in byName)
        {
            var endpointPath = Join(path, name);
            if (!IsName(name, endpointPath, IdentifierSyntax.IsCamelCase(name), "an endpoint name", "camelCase, e.g. dailyReport"))
            {
                continue;
            }

            if (value is ManifestScalar { IsNull: true })
            {
                Error(endpointPath, $"custom endpoint {name} is empty; give it method and route");
                continue;
            }

            if (Mapping(value, endpointPath, "method and route") is not { } endpoint)
            {
                continue;
            }

            var fields = Fields(endpoint, endpointPath, ConfigurationKeys.CustomEndpoint, "custom endpoint key");
            var method = ReadMethod(fields, endpointPath, required: true);
            var route = String(fields, endpointPath, "route");
            if (route is null)
            {
                Error(Join(endpointPath, "route"), endpoint.Position, $"custom endpoint {name} has no route; add e.g. route: /{name}");
            }
            else if (RouteSyntax.Problem(route) is { } problem)
            {
                Error(Join(endpointPath, "route"), $"route \"{Shorten(route)}\" {problem}");
                route = null;
            }

            if (method is not null && route is not null)
            {
                result.Add(new CustomEndpoint(name, method, route, String(fields, endpointPath, "description"), String(fields, endpointPath, "calls")));
            }
        }

        return result;
    }

    private string? ReadMethod(Dictionary<string, ManifestNode> fields, string parent, bool required)
    {
        var path = Join(parent, "method");
        var text = String(fields, parent, "method");
        if (text is null)
        {
            if (required)
            {
                Error(path, $"{parent} has no method; add method: GET (or {string.Join(", ", ConfigurationKeys.Methods.Skip(1))})");
            }

            return required ? null : "GET";
        }

        var upper = text.ToUpperInvariant();
        if (ConfigurationKeys.Methods.Contains(upper))
        {
            return upper;
        }

        Error(path, $"method \"{Shorten(text)}\" is not one of {string.Join(", ", ConfigurationKeys.Methods)}");
        return null;
    }
}
