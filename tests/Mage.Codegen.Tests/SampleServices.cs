using Mage.Codegen.Configuration;
using Mage.Codegen.Model;

namespace Mage.Codegen.Tests;

/// <summary>Service descriptions the code generation tests render.</summary>
internal static class SampleServices
{
    private static readonly Dictionary<string, string> NoSettings = [];

    /// <summary>Three entities with every key kind and rule, every spell, calls in series and in parallel, custom endpoints.</summary>
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
                new CodegenField("state", "enum", Required: true, Values: ["open", "shipped"]),
            ]),
            new CodegenEntity("product", [
                new CodegenField("sku", "string", Key: true, MaxLength: 64),
                new CodegenField("name", "string", Required: true),
                new CodegenField("stock", "int", Min: 0, Max: 1000),
                new CodegenField("weight", "double", Min: 0.5m),
                new CodegenField("available-from", "date"),
                new CodegenField("category", "long"),
            ], Route: "/catalog/products", Cached: false, Audited: ["create", "get"]),
            new CodegenEntity("category", [
                new CodegenField("id", "long", Key: true),
                new CodegenField("title", "string"),
                new CodegenField("parent", "guid"),
            ], Operations: ["list", "get", "create"]),
        ],
        [
            new CodegenSpell(SpellNames.Crud, new Dictionary<string, string> { ["pageSize"] = "20", ["maxPageSize"] = "500" }),
            new CodegenSpell(SpellNames.CacheAside, new Dictionary<string, string> { ["ttlSeconds"] = "30", ["maxEntries"] = "1000" }),
            new CodegenSpell(SpellNames.AuditLog, NoSettings),
            new CodegenSpell(SpellNames.HttpCall, NoSettings),
            new CodegenSpell(SpellNames.WorkQueue, new Dictionary<string, string> { ["capacity"] = "10", ["workers"] = "2", ["whenFull"] = "reject" }),
            new CodegenSpell(SpellNames.CircuitBreaker, new Dictionary<string, string> { ["failureThreshold"] = "3", ["breakSeconds"] = "10" }),
        ],
        [
            new CodegenHttpCall("checkStock", "series", 10, [
                new CodegenHttpRequest("inventory", "GET", "https://inventory.example.com/items/{sku}"),
                new CodegenHttpRequest("reserve", "POST", "https://inventory.example.com/reservations/{sku}"),
            ], Protected: true),
            new CodegenHttpCall("quote", "parallel", 5, [
                new CodegenHttpRequest("pricing", "GET", "https://pricing.example.com/prices/{sku}"),
                new CodegenHttpRequest("shipping", "GET", "https://shipping.example.com/rates"),
            ], Protected: false),
        ],
        [
            new CodegenEndpoint("checkStock", "GET", "/stock/{sku}", "Checks and reserves stock.", "checkStock"),
            new CodegenEndpoint("quote", "GET", "/quotes/{sku}", string.Empty, "quote"),
            new CodegenEndpoint("refund", "POST", "/orders/{id}/refund", "Refunds an order.", null),
        ]);

    /// <summary>One entity, no spells.</summary>
    public static CodegenService Minimal() => new(
        "notes",
        string.Empty,
        [new CodegenEntity("note", [new CodegenField("id", "int", Key: true), new CodegenField("text", "string", Required: true)])],
        [],
        [],
        []);
}
