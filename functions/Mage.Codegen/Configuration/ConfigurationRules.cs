namespace Mage.Codegen.Configuration;

/// <summary>What the deployment knows beyond the text: the service a configuration is saved for, and the built-in packs.</summary>
/// <param name="Service">The service the configuration is saved under; its <c>service</c> key must name it. Null: not checked.</param>
/// <param name="BuiltInPacks">The names of built-in packs; a <c>pack</c> name outside it is an error. Null: not checked.</param>
/// <param name="Limits">Size and count limits; null for <see cref="ConfigurationLimits.Default"/>.</param>
public sealed record ConfigurationRules(string? Service = null, IReadOnlyCollection<string>? BuiltInPacks = null, ConfigurationLimits? Limits = null);
