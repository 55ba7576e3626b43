using Mage.Builds.Codegen.Model;

namespace Mage.Builds.Tests.Codegen;

/// <summary>Service descriptions the code generation tests render.</summary>
internal static class SampleServices
{
    private static readonly Dictionary<string, string> NoSettings = [];

    /// <summary>Three entities with every key kind and rule, every spell, two downstream APIs.</summary>
    public static CodegenService Shop() => new(
        "shop-api",
        "Orders and products of a small shop.",
        [
            new CodegenEntity("order", [
                new CodegenField("id", "guid", Key: true),
                new CodegenField("customer", "string", Required: true, MinLength: 2, MaxLength: 100),
                new CodegenField("total", "decimal", Required: true, Min: 0, Max: 100000),
                new CodegenField("placed-at", "datetime"),
                new CodegenField("express", "bool"),
                new CodegenField("reference", "string", Pattern: "^ORD-[0-9]{4}$", Example: "ORD-0042"),
            ]),
            new CodegenEntity("product", [
                new CodegenField("sku", "string", Key: true, MaxLength: 64),
                new CodegenField("name", "string", Required: true),
                new CodegenField("stock", "int", Min: 0, Max: 1000),
                new CodegenField("weight", "double", Min: 0.5m),
                new CodegenField("available-from", "date"),
            ]),
            new CodegenEntity("category", [
                new CodegenField("id", "long", Key: true),
                new CodegenField("title", "string"),
                new CodegenField("parent", "guid"),
            ]),
        ],
        [.. SpellNames.All.Select(s => new CodegenSpell(s, s == SpellNames.CacheAside ? new Dictionary<string, string> { ["TtlSeconds"] = "30" } : NoSettings))],
        [new CodegenDownstream("inventory", "https://inventory.example.com/health"), new CodegenDownstream("pricing", "https://pricing.example.com/health")]);

    /// <summary>One entity, no spells.</summary>
    public static CodegenService Minimal() => new(
        "notes",
        string.Empty,
        [new CodegenEntity("note", [new CodegenField("id", "int", Key: true), new CodegenField("text", "string", Required: true)])],
        [],
        []);
}
