namespace Mage.Cli.Output;

/// <summary>
/// Plain columns separated by two spaces, padded to the widest cell: easy to read and to cut
/// with awk. Cells are never wrapped or shortened, so ids and checksums stay whole.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row; missing cells are empty.</summary>
    public void Add(params string?[] cells) =>
        _rows.Add(Enumerable.Range(0, headers.Length).Select(i => i < cells.Length ? cells[i] ?? "" : "").ToArray());

    /// <summary>Writes the header and the rows.</summary>
    public async Task WriteAsync(TextWriter output)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in _rows.Prepend(headers))
        {
            var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
            await output.WriteLineAsync(string.Join("  ", cells).TrimEnd());
        }
    }
}
