using System.Text;
using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>Reads a service configuration (YAML, or JSON: YAML is its superset) into a <see cref="ConfigurationParse"/>. Pure: no I/O.</summary>
public static class ConfigurationParser
{
    /// <summary>
    /// Parses <paramref name="text"/> within <paramref name="limits"/>. Never throws on bad input:
    /// syntax errors, limits, shape problems and unknown keys come back as diagnostics.
    /// </summary>
    public static ConfigurationParse Parse(string text, ConfigurationLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= ConfigurationLimits.Default;
        var empty = new Dictionary<string, SourcePosition>();
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > limits.MaxDocumentBytes)
        {
            return new ConfigurationParse(null, null, false,
                [new(string.Empty, 1, 1, DiagnosticSeverity.Error, $"the configuration is {bytes} bytes; the limit is {limits.MaxDocumentBytes} bytes")], empty);
        }

        var (root, error) = YamlTreeLoader.Load(text, limits.Yaml);
        if (error is not null)
        {
            return new ConfigurationParse(null, null, false, [ConfigurationDiagnostic.From(error)], empty);
        }

        var reader = new ConfigurationReader(limits);
        var candidate = reader.Read(root);
        return new ConfigurationParse(root, candidate, reader.EntityEndpointsGiven, reader.Diagnostics, reader.Positions);
    }
}
