using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mage.CodeHosts;

/// <summary>
/// Git's object id of a file's content (SHA-1 of <c>blob &lt;size&gt;\0&lt;content&gt;</c>), as a
/// repository tree reports it: comparing it with the tree spares downloading unchanged files.
/// </summary>
public static class GitBlobId
{
    /// <summary>The lower-case hex object id of <paramref name="content"/>.</summary>
    public static string Of(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"blob {content.Length}\0"));
        var data = new byte[header.Length + content.Length];
        header.CopyTo(data, 0);
        content.CopyTo(data, header.Length);
#pragma warning disable CA5350 // Git's object naming, not a security use: it must be SHA-1 to match the tree.
        return Convert.ToHexStringLower(SHA1.HashData(data));
#pragma warning restore CA5350
    }
}
