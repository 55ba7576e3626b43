using System.Globalization;
using System.Xml.Linq;

namespace Mage.Storage.Blobs;

/// <summary>Parses the List Blobs <c>EnumerationResults</c> document.</summary>
internal static class BlobListXml
{
    public static BlobPage Parse(Stream xml)
    {
        XElement root = XElement.Load(xml);
        var items = new List<BlobItem>();
        foreach (XElement blob in root.Element("Blobs")?.Elements("Blob") ?? [])
        {
            XElement? p = blob.Element("Properties");
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (XElement m in blob.Element("Metadata")?.Elements() ?? [])
            {
                metadata[m.Name.LocalName] = m.Value;
            }
            items.Add(new BlobItem(
                (string?)blob.Element("Name") ?? "",
                long.TryParse((string?)p?.Element("Content-Length"), CultureInfo.InvariantCulture, out long len) ? len : 0,
                NullIfEmpty((string?)p?.Element("Content-Type")),
                BlobHeaders.ParseETag((string?)p?.Element("Etag")),
                DateTimeOffset.TryParse((string?)p?.Element("Last-Modified"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset lm) ? lm : null,
                (string?)p?.Element("BlobType"),
                metadata));
        }
        return new BlobPage(items, NullIfEmpty((string?)root.Element("NextMarker")));
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
