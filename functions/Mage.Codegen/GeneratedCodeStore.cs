using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Mage.Builds.Records;
using Mage.Storage;

namespace Mage.Codegen;

/// <summary>
/// Keeps the code a build generated, in <c>{hub}-generated/{service}/{number}/files/{path}</c>, for
/// the merge-request step (which may run on another worker) and for people browsing with
/// Storage Explorer. Thread-safe.
/// </summary>
/// <remarks>
/// The file list is written last, as <c>{service}/{number}/index.json</c>: a save interrupted by a
/// crash leaves no index, so <see cref="LoadAsync"/> answers null and the step that saves runs
/// again (activities run at least once). <see cref="SaveAsync"/> is idempotent.
/// </remarks>
public sealed class GeneratedCodeStore(StorageClients account, BuildStorageNames names) : IStorageSetup
{
    private readonly BlobContainerClient _container = account.GetBlobContainer(names.GeneratedContainer);

    /// <summary>Creates the container if needed. Idempotent.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Stores every file, then the index that makes them visible to <see cref="LoadAsync"/>.</summary>
    public async Task SaveAsync(string service, long number, IReadOnlyList<GeneratedFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var entries = new List<GeneratedIndexEntry>(files.Count);
        foreach (var file in files)
        {
            await _container.GetBlobClient(FileBlob(service, number, file.Path)).UploadAsync(BinaryData.FromBytes(file.Content), overwrite: true, cancellationToken);
            entries.Add(new GeneratedIndexEntry(file.Path, file.Content.LongLength, Convert.ToHexStringLower(SHA256.HashData(file.Content))));
        }

        var index = JsonSerializer.SerializeToUtf8Bytes(entries, IndexJson);
        await _container.GetBlobClient(IndexBlob(service, number)).UploadAsync(BinaryData.FromBytes(index), overwrite: true, cancellationToken);
    }

    /// <summary>The files of a build in the order they were saved, or null when the build generated none (or its save did not finish).</summary>
    public async Task<IReadOnlyList<GeneratedFile>?> LoadAsync(string service, long number, CancellationToken cancellationToken)
    {
        BinaryData index;
        try
        {
            index = (await _container.GetBlobClient(IndexBlob(service, number)).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        var entries = index.ToObjectFromJson<List<GeneratedIndexEntry>>(IndexJson) ?? [];
        var files = new List<GeneratedFile>(entries.Count);
        foreach (var entry in entries)
        {
            var content = (await _container.GetBlobClient(FileBlob(service, number, entry.Path)).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
            files.Add(new GeneratedFile(entry.Path, content));
        }

        return files;
    }

    /// <summary>Blob name of one generated file.</summary>
    public static string FileBlob(string service, long number, string path) => $"{service}/{number}/files/{path}";

    private static string IndexBlob(string service, long number) => $"{service}/{number}/index.json";

    private static readonly JsonSerializerOptions IndexJson = new(JsonSerializerDefaults.Web);

    private sealed record GeneratedIndexEntry(string Path, long Size, string Sha256);
}
