using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>Collects the linter's diagnostics, placing each at the position of its path in the parsed document.</summary>
internal sealed class LintSink(ConfigurationParse parsed)
{
    private readonly List<ConfigurationDiagnostic> _items = [];

    public IReadOnlyList<ConfigurationDiagnostic> Items => _items;

    public void Error(string path, string message) => Add(path, DiagnosticSeverity.Error, message);

    public void Warning(string path, string message) => Add(path, DiagnosticSeverity.Warning, message);

    private void Add(string path, DiagnosticSeverity severity, string message)
    {
        var position = parsed.PositionOf(path);
        _items.Add(new ConfigurationDiagnostic(path, position.Line, position.Column, severity, message));
    }
}
