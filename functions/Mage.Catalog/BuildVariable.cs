namespace Mage.Catalog;

/// <summary>A variable as a build sees it: the real value, decrypted.</summary>
/// <param name="Key">Environment variable name.</param>
/// <param name="Value">The real value; when <paramref name="Masked"/>, it must be masked in logs.</param>
/// <param name="Masked">True for secrets.</param>
public sealed record BuildVariable(string Key, string Value, bool Masked)
{
    /// <summary>Never prints a masked value.</summary>
    public override string ToString() => $"BuildVariable {{ Key = {Key}, Value = {(Masked ? "xxxxxx" : Value)}, Masked = {Masked} }}";
}
