namespace Mage.Manifests;

/// <summary>Collects diagnostics, placing each at the position of its path in the parsed document.</summary>
internal sealed class DiagnosticSink(ParseResult parsed)
{
    private readonly List<ManifestDiagnostic> _items = [];

    public IReadOnlyList<ManifestDiagnostic> Items => _items;

    public SourcePosition PositionOf(string path) => parsed.PositionOf(path);

    public void Error(string path, string message) => Add(path, DiagnosticSeverity.Error, message);

    public void Warning(string path, string message) => Add(path, DiagnosticSeverity.Warning, message);

    private void Add(string path, DiagnosticSeverity severity, string message)
    {
        var position = parsed.PositionOf(path);
        _items.Add(new ManifestDiagnostic(path, position.Line, position.Column, severity, message));
    }
}
