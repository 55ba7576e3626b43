namespace Mage.Codegen.Model;

/// <summary>
/// What code generation needs to know about a service: the plain data model behind what templates
/// see (through <see cref="TemplateModel"/>). <see cref="ConfigurationMapper"/> builds it from a saved
/// service configuration; kept separate so packs and their tests do not depend on how
/// configurations are parsed, stored or versioned.
/// </summary>
/// <param name="Name">The service's name (any casing; templates get every naming variant).</param>
/// <param name="Description">Free text, or empty.</param>
/// <param name="Entities">The data model, in configuration order.</param>
/// <param name="Spells">The spells switched on, in configuration order, with their settings.</param>
/// <param name="HttpCalls">Named calls to other APIs (the <c>http-call</c> spell).</param>
/// <param name="Endpoints">Custom endpoints (not entity operations).</param>
public sealed record CodegenService(
    string Name,
    string Description,
    IReadOnlyList<CodegenEntity> Entities,
    IReadOnlyList<CodegenSpell> Spells,
    IReadOnlyList<CodegenHttpCall> HttpCalls,
    IReadOnlyList<CodegenEndpoint> Endpoints);

/// <summary>One entity of the data model and how it is exposed.</summary>
/// <param name="Name">Its name (singular).</param>
/// <param name="Fields">Its fields in configuration order; exactly one is the key.</param>
/// <param name="Route">Base route (<c>/orders</c>); null for the plural kebab-case name.</param>
/// <param name="Operations">Exposed operations (<c>list</c>, <c>get</c>, <c>create</c>, <c>update</c>, <c>delete</c>); null for all of them.</param>
/// <param name="Cached">Whether reads go through the cache; null for "when cache-aside is on".</param>
/// <param name="Audited">Operations recorded in the audit log; null for create, update and delete when audit-log is on.</param>
public sealed record CodegenEntity(
    string Name,
    IReadOnlyList<CodegenField> Fields,
    string? Route = null,
    IReadOnlyList<string>? Operations = null,
    bool? Cached = null,
    IReadOnlyList<string>? Audited = null);

/// <summary>One field and its validation rules.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">One of <see cref="FieldTypes.All"/>.</param>
/// <param name="Key">Whether it identifies the entity.</param>
/// <param name="Required">Whether a value must be given.</param>
/// <param name="MinLength">Shortest string, or null.</param>
/// <param name="MaxLength">Longest string, or null.</param>
/// <param name="Min">Smallest number, or null.</param>
/// <param name="Max">Largest number, or null.</param>
/// <param name="Pattern">A .NET regular expression a string must match, or null.</param>
/// <param name="Example">A valid value (used by generated tests; needed for a string with a pattern), or null.</param>
/// <param name="Values">Allowed values of an <c>enum</c> field; null otherwise.</param>
public sealed record CodegenField(
    string Name,
    string Type,
    bool Key = false,
    bool Required = false,
    int? MinLength = null,
    int? MaxLength = null,
    decimal? Min = null,
    decimal? Max = null,
    string? Pattern = null,
    string? Example = null,
    IReadOnlyList<string>? Values = null);

/// <summary>A spell switched on for the service, with its settings.</summary>
/// <param name="Name">Kebab-case spell name (<see cref="Configuration.SpellNames"/>).</param>
/// <param name="Settings">Its settings (sorted when rendered).</param>
public sealed record CodegenSpell(string Name, IReadOnlyDictionary<string, string> Settings);

/// <summary>A named group of requests to other APIs.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Mode"><c>series</c> (one after another, the first failure stops) or <c>parallel</c> (all at once).</param>
/// <param name="TimeoutSeconds">Limit on the whole call.</param>
/// <param name="Requests">The requests, in order.</param>
/// <param name="Protected">Whether a circuit breaker guards its requests.</param>
public sealed record CodegenHttpCall(string Name, string Mode, int TimeoutSeconds, IReadOnlyList<CodegenHttpRequest> Requests, bool Protected);

/// <summary>One request of a call.</summary>
/// <param name="Name">Its name (names its result).</param>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="Url">Absolute URL; <c>{name}</c> placeholders take the endpoint's route parameters.</param>
public sealed record CodegenHttpRequest(string Name, string Method, string Url);

/// <summary>A custom endpoint.</summary>
/// <param name="Name">Its name (the handler's).</param>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="Route">Route starting with <c>/</c>; <c>{name}</c> segments are parameters.</param>
/// <param name="Description">Free text, or empty.</param>
/// <param name="Calls">The call it runs, or null for a handler left to the developer.</param>
public sealed record CodegenEndpoint(string Name, string Method, string Route, string Description, string? Calls);
