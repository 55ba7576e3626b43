using System.Text.Json.Nodes;

namespace Mage.Infra.Tests;

/// <summary>The ARM JSON that <c>bicep build</c> writes for infra/main.bicep, with its modules' resources flattened.</summary>
internal sealed class CompiledTemplate
{
    private CompiledTemplate(IReadOnlyList<JsonObject> resources) => Resources = resources;

    /// <summary>Every resource of the template and of each nested module deployment.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>Parses ARM JSON text.</summary>
    public static CompiledTemplate Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("bicep build wrote no JSON object.");
        var all = new List<JsonObject>();
        Collect(root, all);
        return new CompiledTemplate(all);
    }

    /// <summary>The resources of one type (for example Microsoft.Web/sites).</summary>
    public IReadOnlyList<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    private static void Collect(JsonObject template, List<JsonObject> into)
    {
        // Templates with symbolic names keep resources in an object, the others in an array.
        var nodes = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in nodes)
        {
            into.Add(resource);
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                Collect(nested, into);
            }
        }
    }
}
