namespace Mage.Azurite;

/// <summary>A thread-safe record of the first lines a child process wrote, and how many more followed.</summary>
internal sealed class OutputHead(int capacity)
{
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private int _dropped;

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            if (_lines.Count < capacity)
            {
                _lines.Add(line);
            }
            else
            {
                _dropped++;
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            string head = _lines.Count == 0 ? "(no output)" : string.Join('\n', _lines);
            return _dropped == 0 ? head : $"{head}\n… ({_dropped} more lines)";
        }
    }
}
