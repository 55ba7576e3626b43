using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mage.Functions.Worker.Tests.Infrastructure;

/// <summary>
/// The <c>functions.metadata</c> file the Worker SDK writes next to the worker's binaries: what
/// the Functions host indexes (function names and their trigger bindings).
/// </summary>
public sealed partial class FunctionMetadata
{
    private FunctionMetadata(IReadOnlyList<JsonObject> functions) => Functions = functions;

    /// <summary>The worker's build output folder.</summary>
    public static string WorkerOutput { get; } =
        typeof(FunctionMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WorkerOutput").Value!;

    /// <summary>Each function entry.</summary>
    public IReadOnlyList<JsonObject> Functions { get; }

    /// <summary>Reads functions.metadata from the worker's build output.</summary>
    public static FunctionMetadata Load()
    {
        var path = Path.Combine(WorkerOutput, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build functions/Mage.Functions.Worker (the Worker SDK writes it).");
        return Parse(File.ReadAllText(path));
    }

    /// <summary>Parses the file's JSON array.</summary>
    public static FunctionMetadata Parse(string json) =>
        new(JsonNode.Parse(json)!.AsArray().OfType<JsonObject>().ToList());

    /// <summary>This metadata without the function named <paramref name="name"/>.</summary>
    public FunctionMetadata Without(string name) => new(Functions.Where(f => (string?)f["name"] != name).ToList());

    /// <summary>Every HTTP operation as "METHOD /api/route" with parameters written <c>{}</c>.</summary>
    public IReadOnlySet<string> HttpOperations() => Bindings("httpTrigger")
        .SelectMany(b => (b["methods"]?.AsArray() ?? []).Select(m => Operation((string)m!, "/api/" + (string?)b["route"])))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Names of the functions with a binding of <paramref name="type"/> (orchestrationTrigger, durableClient, …).</summary>
    public IReadOnlySet<string> FunctionsWithBinding(string type) => Functions
        .Where(f => f["bindings"]!.AsArray().OfType<JsonObject>().Any(b => string.Equals((string?)b["type"], type, StringComparison.OrdinalIgnoreCase)))
        .Select(f => (string)f["name"]!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>"GET /api/builds/{}": parameter names and catch-all markers differ between documents and code; their places must not.</summary>
    public static string Operation(string method, string path) =>
        method.ToUpperInvariant() + " " + Parameter().Replace(path.Split('?', '[')[0].TrimEnd('/'), "{}");

    private IEnumerable<JsonObject> Bindings(string type) => Functions
        .SelectMany(f => f["bindings"]!.AsArray().OfType<JsonObject>())
        .Where(b => string.Equals((string?)b["type"], type, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
