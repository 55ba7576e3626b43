using Mage.Codegen.Configuration;
using Mage.Manifests;

namespace Mage.Codegen.Tests.Configuration;

public class ConfigurationValidatorTests
{
    private static ConfigurationValidation Validate(string text, string? service = "orders") =>
        ConfigurationValidator.Validate(text, new ConfigurationRules(service, ["aspnet-minimal-api"]));

    private static ConfigurationDiagnostic Single(ConfigurationValidation validation)
    {
        Assert.False(validation.IsValid);
        return Assert.Single(validation.Errors);
    }

    [Fact]
    public void Validate_CompleteExample_CompilesEverySection()
    {
        var result = Validate(ConfigurationSamples.Complete);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var config = result.Configuration!;
        Assert.Equal("orders", config.Service);
        Assert.Equal(new PackSource.BuiltIn("aspnet-minimal-api"), config.Pack);
        Assert.Equal(["Customer", "Order"], config.Entities.Select(e => e.Name));

        var customer = config.FindEntity("Customer")!;
        Assert.Equal("id", customer.Key.Name);
        var email = customer.Fields.Single(f => f.Name == "email");
        Assert.Equal((FieldType.String, true, 200, "^[^@\\s]+@[^@\\s]+$"), (email.Type, email.IsRequired, email.MaxLength, email.Pattern));
        Assert.Equal(["active", "blocked"], customer.Fields.Single(f => f.Name == "status").Values);

        var order = config.FindEntity("Order")!;
        Assert.Equal(FieldType.Long, order.Key.Type);
        Assert.Equal("Customer", order.Fields.Single(f => f.Name == "customer").Entity);
        Assert.Equal((0m, 1000000m), (order.Fields.Single(f => f.Name == "total").Min, order.Fields.Single(f => f.Name == "total").Max));
        Assert.Equal(FieldType.Bool, order.Fields.Single(f => f.Name == "paid").Type);

        Assert.Equal(Enum.GetValues<EntityOperation>(), config.Endpoints.Entities.Single(e => e.Entity == "Customer").Operations);
        Assert.Equal("/customers", config.Endpoints.Entities.Single(e => e.Entity == "Customer").Route);
        Assert.Equal([EntityOperation.List, EntityOperation.Get, EntityOperation.Create], config.Endpoints.Entities.Single(e => e.Entity == "Order").Operations);
        Assert.Equal(new CustomEndpoint("quote", "GET", "/quotes/{sku}", "Price and stock of one product", "quote"), config.Endpoints.Custom.Single());

        var spells = config.Spells;
        Assert.Equal(SpellNames.All, spells.EnabledNames);
        Assert.Equal(new CrudSpell(50, 500), spells.Crud);
        Assert.Equal((TimeSpan.FromMinutes(5), 10_000), (spells.CacheAside!.Ttl, spells.CacheAside.MaxEntries));
        Assert.Equal(["Customer"], spells.CacheAside.Entities);
        Assert.Equal(["Customer", "Order"], spells.AuditLog!.Entities); // not given: every entity
        var call = Assert.Single(spells.HttpCall!.Calls);
        Assert.Equal((HttpCallMode.Parallel, TimeSpan.FromSeconds(10)), (call.Mode, call.Timeout));
        Assert.Equal([new HttpCallRequest("price", "GET", "https://pricing.example.com/prices/{sku}"), new HttpCallRequest("stock", "GET", "https://stock.example.com/items/{sku}")], call.Requests);
        Assert.Equal(new WorkQueueSpell(100, 2, WorkQueueFullMode.Reject), spells.WorkQueue);
        Assert.Equal((5, TimeSpan.FromSeconds(30)), (spells.CircuitBreaker!.FailureThreshold, spells.CircuitBreaker.BreakDuration));
        Assert.Equal(["quote"], spells.CircuitBreaker.Calls);
    }

    [Fact]
    public void Validate_CrudWithoutEntityEndpoints_ExposesEveryEntityWithEveryOperation()
    {
        var result = Validate(ConfigurationSamples.Minimal);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var exposed = Assert.Single(result.Configuration!.Endpoints.Entities);
        Assert.Equal(("Customer", "/customers"), (exposed.Entity, exposed.Route));
        Assert.Equal(Enum.GetValues<EntityOperation>(), exposed.Operations);
        Assert.Equal(new CrudSpell(50, 500), result.Configuration.Spells.Crud);
        Assert.Null(result.Configuration.Spells.CacheAside);
    }

    [Fact]
    public void Validate_JsonDocument_IsReadWithPositions()
    {
        // JSON is YAML too; positions must still point into the JSON text (tabs included).
        var json = "{\n\t\"service\": \"orders\",\n\t\"pack\": \"aspnet-minimal-api\",\n\t\"model\": {\n\t\t\"Customer\": {\n\t\t\t\"fields\": {\n\t\t\t\t\"id\": { \"type\": \"guid\", \"key\": true },\n\t\t\t\t\"age\": { \"type\": \"int\", \"maxLenght\": 3 }\n\t\t\t}\n\t\t}\n\t},\n\t\"spells\": { \"crud\": {} }\n}\n";

        var error = Single(Validate(json));

        Assert.Equal("model.Customer.fields.age.maxLenght", error.Path);
        Assert.Equal((8, 29), (error.Line, error.Column)); // a tab is one column
        Assert.Contains("did you mean \"maxLength\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidJson_CompilesLikeYaml()
    {
        const string json = """{ "service": "orders", "pack": "aspnet-minimal-api", "model": { "Customer": { "fields": { "id": { "type": "guid", "key": true }, "email": "string" } } }, "spells": ["crud"] }""";

        var fromJson = Validate(json);
        var fromYaml = Validate(ConfigurationSamples.Minimal);

        Assert.True(fromJson.IsValid, string.Join("\n", fromJson.Diagnostics));
        Assert.Equal(fromYaml.Configuration!.Entities.Single().Fields.Select(f => (f.Name, f.Type, f.IsKey)), fromJson.Configuration!.Entities.Single().Fields.Select(f => (f.Name, f.Type, f.IsKey)));
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOneWithItsPosition()
    {
        const string yaml = """
            service: orders
            pack: aspnet-minimal-api
            model:
              Customer:
                fields:
                  id: { type: guid }
                  age: { type: int, maxLength: 3 }
                  owner: { type: reference, entity: Custmer }
                  kind: { type: enum }
              order:
                fields:
                  id: { type: guid, key: true }
            spells:
              crud: { pageSize: 0 }
              cache-asides: {}
            """;

        var result = Validate(yaml);

        Assert.False(result.IsValid);
        var errors = result.Errors.Select(e => (e.Path, e.Line)).ToList();
        Assert.Contains(("model.Customer.fields", 6), errors);                  // no key: at the fields
        Assert.Contains(("model.Customer.fields.age.maxLength", 7), errors);    // string-only limit on an int
        Assert.Contains(("model.Customer.fields.owner.entity", 8), errors);     // unknown entity
        Assert.Contains(("model.Customer.fields.kind.type", 9), errors);        // enum without values
        Assert.Contains(("model.order", 10), errors);                           // not PascalCase
        Assert.Contains(("spells.crud.pageSize", 14), errors);                  // out of range
        Assert.Contains(("spells.cache-asides", 15), errors);                   // unknown spell
        Assert.Equal(7, result.Errors.Count());
        Assert.Contains("did you mean \"Customer\"", result.Errors.Single(e => e.Path.EndsWith(".entity", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        Assert.Contains("did you mean \"cache-aside\"", result.Errors.Single(e => e.Path == "spells.cache-asides").Message, StringComparison.Ordinal);
        Assert.Equal(result.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column), result.Diagnostics);
    }

    [Theory]
    [InlineData("servce: orders\npack: aspnet-minimal-api\n", "servce", "did you mean \"service\"")]
    [InlineData("service: billing\npack: aspnet-minimal-api\n", "service", "saved for service orders")]
    [InlineData("service: orders\npack: aspnet-minimal-apl\n", "pack", "did you mean \"aspnet-minimal-api\"")]
    [InlineData("service: orders\npack: { git: https://example.com/p.git, object: p.zip }\n", "pack.object", "both git and object")]
    [InlineData("service: orders\npack: { git: \"https://u:secret@example.com/p.git\" }\n", "pack.git", "password")]
    [InlineData("service: orders\npack: { git: https://example.com/p.git, path: ../up }\n", "pack.path", "climbs out")]
    [InlineData("service: orders\npack: { object: \"../x\" }\n", "pack.object", "Object name")]
    [InlineData("service: orders\n", "pack", "pack is required")]
    [InlineData("pack: aspnet-minimal-api\n", "service", "service is required")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nmodel:\n  A:\n    fields:\n      id: { type: guid, key: true }\n      n: { type: string, minLength: 5, maxLength: 2 }\n", "model.A.fields.n.minLength", "larger than maxLength")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nmodel:\n  A:\n    fields:\n      id: { type: guid, key: true }\n      n: { type: string, pattern: \"([a-z\" }\n", "model.A.fields.n.pattern", "not a valid regular expression")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nmodel:\n  A:\n    fields:\n      id: { type: bool, key: true }\n", "model.A.fields.id.type", "a key must be guid, int, long or string")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nmodel:\n  A:\n    fields:\n      id: { type: guid, key: true }\n      b: { type: guid, key: true }\n", "model.A.fields.b.key", "more than one key")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nmodel:\n  A:\n    fields:\n      id: { type: guid, key: true }\n      b: Customer\n", "model.A.fields.b", "write type: reference and entity: Customer")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nmodel:\n  A:\n    fields:\n      id: { type: int, key: true, max: 3000000000 }\n", "model.A.fields.id.max", "fits int")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nmodel:\n  A:\n    fields:\n      id: { type: guid, key: true }\nendpoints:\n  entities:\n    A: all\n", "endpoints.entities", "crud spell, which is off")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nmodel:\n  A:\n    fields:\n      id: { type: guid, key: true }\nendpoints:\n  entities:\n    B: [list]\nspells: [crud]\n", "endpoints.entities.B", "not in the model")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nmodel:\n  A:\n    fields:\n      id: { type: guid, key: true }\nendpoints:\n  entities:\n    A: [lst]\nspells: [crud]\n", "endpoints.entities.A[0]", "did you mean \"list\"")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nmodel:\n  A:\n    fields:\n      id: { type: guid, key: true }\nendpoints:\n  custom:\n    listAs: { method: GET, route: /as }\nspells: [crud]\n", "endpoints.custom.listAs.route", "already served by A list")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nendpoints:\n  custom:\n    x: { method: FETCH, route: /x }\n", "endpoints.custom.x.method", "not one of GET")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nendpoints:\n  custom:\n    x: { method: GET, route: x }\n", "endpoints.custom.x.route", "must start with")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nendpoints:\n  custom:\n    x: { method: GET, route: /x, calls: quote }\n", "endpoints.custom.x.calls", "http-call spell is off")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nendpoints:\n  custom:\n    x: { method: GET, route: /x, calls: quote }\nspells:\n  http-call:\n    calls:\n      quote:\n        requests: { a: \"https://a.example/{sku}\" }\n", "endpoints.custom.x.calls", "uses {sku}")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nspells:\n  http-call:\n    calls:\n      quote:\n        mode: serial\n        requests: { a: \"https://a.example\" }\n", "spells.http-call.calls.quote.mode", "not series or parallel")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nspells:\n  http-call:\n    calls:\n      quote:\n        requests: { a: \"ftp://a.example\" }\n", "spells.http-call.calls.quote.requests.a", "not an absolute http")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nspells:\n  http-call: {}\n", "spells.http-call.calls", "http-call needs calls")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nspells:\n  circuit-breaker: {}\n", "spells.circuit-breaker", "http-call is off")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nmodel:\n  A:\n    fields:\n      id: { type: guid, key: true }\nspells:\n  crud: {}\n  cache-aside: { ttl: 5 }\n", "spells.cache-aside.ttl", "not a duration")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nspells:\n  cache-aside: {}\n", "spells.cache-aside", "add crud to spells")]
    [InlineData("service: orders\npakc: aspnet-minimal-api\n", "pakc", "did you mean \"pack\"")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nmodel:\n  A:\n    fields:\n      id: { type: guid, key: true }\nspells:\n  crud: {}\n  audit-log: { entities: [B] }\n", "spells.audit-log.entities[0]", "not in the model")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nspells:\n  work-queue: { capacity: 0 }\n", "spells.work-queue.capacity", "between 1 and")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nspells:\n  work-queue: { whenFull: drop }\n", "spells.work-queue.whenFull", "not wait or reject")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nspells:\n  crud: yes-please\n", "spells.crud", "takes a mapping of options")]
    [InlineData("service: orders\npack: aspnet-minimal-api\nspells:\n  crud: { pageSize: 600 }\nmodel:\n  A:\n    fields:\n      id: { type: guid, key: true }\n", "spells.crud.pageSize", "larger than maxPageSize")]
    [InlineData("service: orders\nservice: orders\npack: aspnet-minimal-api\n", "service", "duplicate key")]
    [InlineData("- service\n", "", "must be a mapping")]
    [InlineData("", "", "is empty")]
    [InlineData("service: [orders\n", "", "invalid YAML")]
    public void Validate_OneProblem_IsReportedAtItsPath(string yaml, string path, string message)
    {
        var error = Single(Validate(yaml));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 1 && error.Column >= 1);
    }

    [Fact]
    public void Validate_PositionsPointAtTheOffendingNode()
    {
        const string yaml = "service: orders\npack: aspnet-minimal-api\nmodel:\n  Customer:\n    fields:\n      id: { type: guid, key: true }\n      age: { type: int, min: ten }\n";

        var error = Single(Validate(yaml));

        Assert.Equal(("model.Customer.fields.age.min", 7, 30), (error.Path, error.Line, error.Column));
    }

    [Fact]
    public void Validate_UnusedCall_IsAWarningNotAnError()
    {
        const string yaml = "service: orders\npack: aspnet-minimal-api\nspells:\n  http-call:\n    calls:\n      quote:\n        requests: { a: \"https://a.example/x\" }\n";

        var result = Validate(yaml);

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((DiagnosticSeverity.Warning, "spells.http-call.calls.quote"), (warning.Severity, warning.Path));
    }

    [Fact]
    public void Validate_SpellSetToFalse_IsOff()
    {
        var result = Validate(ConfigurationSamples.Minimal.Replace("spells: [crud]", "spells:\n  crud: true\n  audit-log: false", StringComparison.Ordinal));

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal([SpellNames.Crud], result.Configuration!.Spells.EnabledNames);
    }

    [Fact]
    public void Validate_GitAndObjectPacks_AreRead()
    {
        var git = Validate("service: orders\npack: { git: \"git@gitlab.example.com:t/packs.git\", ref: v2, path: minimal/ }\n");
        var uploaded = Validate("service: orders\npack: { object: pack.zip }\n");

        Assert.Equal(new PackSource.Git("git@gitlab.example.com:t/packs.git", "v2", "minimal"), git.Configuration!.Pack);
        Assert.Equal(new PackSource.Object("pack.zip"), uploaded.Configuration!.Pack);
    }

    [Theory]
    [InlineData("OrderLine", "/order-lines")]
    [InlineData("Category", "/categories")]
    [InlineData("Box", "/boxes")]
    [InlineData("Key", "/keys")]
    public void Compile_DefaultRoute_IsKebabCasePlural(string entity, string route)
    {
        var yaml = $"service: orders\npack: aspnet-minimal-api\nmodel:\n  {entity}:\n    fields:\n      id: {{ type: guid, key: true }}\nspells: [crud]\n";

        Assert.Equal(route, Validate(yaml).Configuration!.Endpoints.Entities.Single().Route);
    }
}
