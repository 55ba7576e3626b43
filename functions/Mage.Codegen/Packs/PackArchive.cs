using System.Formats.Tar;
using System.IO.Compression;

namespace Mage.Codegen.Packs;

/// <summary>
/// Unpacks an uploaded pack (a <c>.tar.gz</c> or a <c>.zip</c> of the pack folder, told apart by
/// their first bytes) into a folder. Refuses entries that would land outside it (absolute paths,
/// <c>..</c>), links, and archives that unpack to more than <see cref="MaxBytes"/>. Thread-safe.
/// </summary>
public static class PackArchive
{
    /// <summary>Most bytes an archive may unpack to.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Unpacks <paramref name="archive"/> into <paramref name="destination"/> and returns the pack's
    /// root: the destination, or its only folder when the archive holds one folder and no <c>pack.yaml</c> at its top.
    /// </summary>
    /// <exception cref="TemplatePackException">Not a tar.gz or zip, or an entry is refused.</exception>
    public static async Task<string> ExtractAsync(Stream archive, string destination, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        Directory.CreateDirectory(destination);
        using var buffer = new MemoryStream();
        await archive.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var head = buffer.GetBuffer().AsSpan(0, (int)Math.Min(4, buffer.Length));
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            await ExtractTarGzAsync(buffer, destination, origin, cancellationToken);
        }
        else if (head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4)
        {
            await ExtractZipAsync(buffer, destination, origin, cancellationToken);
        }
        else
        {
            throw Refused(origin, "it is neither a .tar.gz nor a .zip; upload the pack folder packed with 'tar czf pack.tar.gz -C my-pack .' or as a zip");
        }

        if (File.Exists(Path.Combine(destination, TemplatePackManifestReader.FileName)))
        {
            return destination;
        }

        var entries = Directory.GetFileSystemEntries(destination);
        return entries.Length == 1 && Directory.Exists(entries[0]) ? entries[0] : destination;
    }

    private static async Task ExtractTarGzAsync(Stream buffer, string destination, string origin, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(buffer, CompressionMode.Decompress, leaveOpen: true);
        await using var reader = new TarReader(gzip);
        long total = 0;
        try
        {
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        Directory.CreateDirectory(Target(destination, entry.Name, origin));
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        total += entry.Length;
                        if (total > MaxBytes)
                        {
                            throw Refused(origin, $"it unpacks to more than {MaxBytes} bytes");
                        }

                        var path = Target(destination, entry.Name, origin);
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        await using (var file = File.Create(path))
                        {
                            if (entry.DataStream is { } data)
                            {
                                await data.CopyToAsync(file, cancellationToken);
                            }
                        }

                        break;
                    case TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes:
                        break;
                    default:
                        throw Refused(origin, $"entry {entry.Name} is a {entry.EntryType}; a pack holds only folders and regular files");
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw Refused(origin, $"the archive is damaged: {ex.Message}");
        }
    }

    private static async Task ExtractZipAsync(Stream buffer, string destination, string origin, CancellationToken cancellationToken)
    {
        try
        {
            await using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                // Unix links in a zip keep S_IFLNK in the high bits of the external attributes.
                if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
                {
                    throw Refused(origin, $"entry {entry.FullName} is a symbolic link; a pack holds only folders and regular files");
                }

                var path = Target(destination, entry.FullName, origin);
                if (entry.FullName.EndsWith('/'))
                {
                    Directory.CreateDirectory(path);
                    continue;
                }

                total += entry.Length;
                if (total > MaxBytes)
                {
                    throw Refused(origin, $"it unpacks to more than {MaxBytes} bytes");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using var data = await entry.OpenAsync(cancellationToken);
                await using var file = File.Create(path);
                await data.CopyToAsync(file, cancellationToken);
            }
        }
        catch (InvalidDataException ex)
        {
            throw Refused(origin, $"the archive is damaged: {ex.Message}");
        }
    }

    private static string Target(string destination, string name, string origin)
    {
        var relative = name.Replace('\\', '/');
        while (relative.StartsWith("./", StringComparison.Ordinal))
        {
            relative = relative[2..];
        }

        var segments = relative.TrimEnd('/').Split('/');
        if (relative.StartsWith('/') || segments.Any(s => s == ".."))
        {
            throw Refused(origin, $"entry {name} would unpack outside the pack folder");
        }

        return Path.Combine(destination, relative.TrimEnd('/'));
    }

    private static TemplatePackException Refused(string origin, string why) =>
        new(origin, new PackProblem(string.Empty, 0, $"the uploaded pack {origin} cannot be unpacked: {why}"));
}
