namespace Mage.Manifests;

/// <summary>One <c>env</c> item, <c>KEY=VALUE</c> split on the first <c>=</c>.</summary>
/// <param name="Key">The variable name.</param>
/// <param name="Value">The value (may contain further <c>=</c>).</param>
public sealed record EnvVariable(string Key, string Value);
