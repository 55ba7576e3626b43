namespace Mage.Manifests;

/// <summary>What a manifest does differently from the shared node reading, and its lists of strings.</summary>
internal sealed partial class ManifestReader
{
    // djinn ignores keys it does not know, so a manifest that runs there must still run here:
    // the key is kept (its position too, for the linter) and only a warning says so.
    protected override bool OnUnknownKey(string mapPath, string keyPath, string key, SourcePosition keyPosition, IReadOnlyList<string> known, string what)
    {
        Warning(keyPath, keyPosition, $"unknown {what} \"{key}\" is ignored{Suggestions.DidYouMean(key, known)}");
        return true;
    }

    protected override string DuplicateKeyMessage(string key, string what) => $"duplicate key \"{key}\"";

    /// <summary>Items of a list of strings; a null item reads as "" (as yaml.v2 does), a non-string is reported and skipped.</summary>
    private List<(string Path, SourcePosition Position, string Text)> StringItems(ManifestNode? node, string path)
    {
        var result = new List<(string, SourcePosition, string)>();
        foreach (var (item, index) in Items(node, path))
        {
            var itemPath = $"{path}[{index}]";
            Record(itemPath, item);
            if (item is ManifestScalar scalar)
            {
                result.Add((itemPath, item.Position, scalar.Value));
            }
            else
            {
                Error(itemPath, item.Position, $"{itemPath} must be a string, not a {item.KindName}");
            }
        }

        return result;
    }

    private List<string> StringList(ManifestNode? node, string path) =>
        StringItems(node, path).Select(i => i.Text).ToList();
}
