namespace Mage.Builds.Codegen.Model;

/// <summary>
/// What code generation needs to know about a service: the plain data model that templates see
/// (through <see cref="TemplateModel"/>). Built from the saved service configuration by
/// the configuration mapper; kept separate so packs do not depend on how configurations
/// are stored or versioned.
/// </summary>
/// <param name="Name">The service's name (any casing; templates get every naming variant).</param>
/// <param name="Description">Free text, or empty.</param>
/// <param name="Entities">The data model, in configuration order.</param>
/// <param name="Spells">The spells switched on, in configuration order.</param>
/// <param name="Downstreams">Other APIs the service calls (the http-series / http-parallel spells).</param>
public sealed record CodegenService(
    string Name,
    string Description,
    IReadOnlyList<CodegenEntity> Entities,
    IReadOnlyList<CodegenSpell> Spells,
    IReadOnlyList<CodegenDownstream> Downstreams);

/// <summary>One entity of the data model.</summary>
/// <param name="Name">Its name (singular).</param>
/// <param name="Fields">Its fields in configuration order; exactly one is the key.</param>
public sealed record CodegenEntity(string Name, IReadOnlyList<CodegenField> Fields);

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
    string? Example = null);

/// <summary>A spell switched on for the service, with its settings.</summary>
/// <param name="Name">Kebab-case spell name (<see cref="SpellNames"/>).</param>
/// <param name="Settings">Its settings (sorted when rendered).</param>
public sealed record CodegenSpell(string Name, IReadOnlyDictionary<string, string> Settings);

/// <summary>Another API the service calls.</summary>
/// <param name="Name">Its name.</param>
/// <param name="BaseUrl">Absolute http(s) URL of the call.</param>
public sealed record CodegenDownstream(string Name, string BaseUrl);
