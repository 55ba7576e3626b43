namespace Mage.Codegen.Configuration;

/// <summary>
/// Reads a saved version and compiles it with the deployment's rules: what the save route, the
/// build trigger and code generation all use, so they judge a text the same way. Thread-safe.
/// </summary>
public sealed class ConfigurationLoader(ConfigurationStore store, IEnumerable<IBuiltInPackCatalog> packs)
{
    private readonly IReadOnlyCollection<string>? _builtInPacks = packs.Any() ? packs.SelectMany(p => p.Names).ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>The store behind the loader.</summary>
    public ConfigurationStore Store => store;

    /// <summary>The rules a configuration saved for <paramref name="service"/> is checked with.</summary>
    public ConfigurationRules RulesFor(string service) => new(service, _builtInPacks);

    /// <summary>Validates <paramref name="text"/> as a configuration of <paramref name="service"/>.</summary>
    public ConfigurationValidation Validate(string service, string text) => ConfigurationValidator.Validate(text, RulesFor(service));

    /// <summary>
    /// A saved version (the latest when <paramref name="version"/> is null) with its validation, or
    /// null when there is no such version. A text saved under older rules may no longer be valid:
    /// the caller checks <see cref="ConfigurationValidation.IsValid"/>.
    /// </summary>
    public async Task<(SavedConfigurationText Saved, ConfigurationValidation Validation)?> LoadAsync(string service, long? version, CancellationToken cancellationToken)
    {
        var saved = await store.GetAsync(service, version, cancellationToken);
        return saved is null ? null : (saved, Validate(service, saved.Text));
    }
}
