using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Mage.Storage.Queues;

/// <summary>Queue message XML: writing the request body, reading message lists.</summary>
internal static class QueueXml
{
    /// <summary>The service limit on the encoded message.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        OmitXmlDeclaration = true,
        // Entitize keeps '\r' (an XML reader would otherwise fold CRLF to LF); CheckCharacters rejects
        // text XML cannot carry (e.g. U+0000) with an ArgumentException before anything is sent.
        NewLineHandling = NewLineHandling.Entitize,
        CheckCharacters = true,
    };

    public static byte[] MessageBody(string text)
    {
        using var buffer = new MemoryStream();
        using (XmlWriter writer = XmlWriter.Create(buffer, WriterSettings))
        {
            writer.WriteStartElement("QueueMessage");
            writer.WriteElementString("MessageText", text);
            writer.WriteEndElement();
        }
        return buffer.ToArray();
    }

    /// <summary>Escaped UTF-8 size of the text alone, which is what the 64 KiB limit counts.</summary>
    public static int EncodedTextLength(byte[] body) => body.Length - "<QueueMessage><MessageText></MessageText></QueueMessage>".Length;

    public static List<XElement> Messages(Stream xml)
    {
        using XmlReader reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = false });
        return XElement.Load(reader, LoadOptions.PreserveWhitespace).Elements("QueueMessage").ToList();
    }

    public static string Text(XElement message, string name) => (string?)message.Element(name) ?? "";

    public static DateTimeOffset? Date(XElement message, string name) =>
        DateTimeOffset.TryParse((string?)message.Element(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset d) ? d : null;

    public static long Long(XElement message, string name) =>
        long.TryParse((string?)message.Element(name), CultureInfo.InvariantCulture, out long v) ? v : 0;
}
