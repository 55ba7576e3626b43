using System.Text;
using Azure.Storage.Blobs.Specialized;
using Mage.Builds.Logs;
using Mage.Testing;

namespace Mage.Builds.Tests.Logs;

/// <summary>Job logs as append blobs on real Azurite: split into legal blocks, and never broken by the block limit.</summary>
public sealed class AppendBlobJobOutputTests
{
    private static async Task<AppendBlobClient> NewLogAsync()
    {
        var container = await TestStorageClients.NewContainerAsync("logs");
        var blob = container.GetAppendBlobClient("svc/1/job.log");
        await blob.CreateAsync();
        return blob;
    }

    private static async Task<string> ReadAsync(AppendBlobClient blob) =>
        (await blob.DownloadContentAsync()).Value.Content.ToString();

    [Fact]
    public async Task WriteAsync_PastBlockLimit_EndsWithMarkerAndDropsTheRest()
    {
        var blob = await NewLogAsync();
        var output = new AppendBlobJobOutput(blob, maxBlocks: 5);

        for (var i = 0; i < 10; i++)
        {
            await output.WriteAsync(Encoding.UTF8.GetBytes($"line {i}\n"));
        }

        Assert.True(output.Full);
        Assert.Equal("line 0\nline 1\nline 2\nline 3\n" + AppendBlobJobOutput.MarkerFor(5), await ReadAsync(blob));
        Assert.Equal(5, (await blob.GetPropertiesAsync()).Value.BlobCommittedBlockCount);
    }

    [Fact]
    public async Task WriteAsync_ContinuedLogNearLimit_LearnsCountFromServiceAndStopsAtMarker()
    {
        var blob = await NewLogAsync();
        var first = new AppendBlobJobOutput(blob, maxBlocks: 5);
        for (var i = 0; i < 3; i++)
        {
            await first.WriteAsync("x\n"u8.ToArray());
        }

        // A second writer on the same blob (a job continued after a restart) starts without knowing the count.
        var second = new AppendBlobJobOutput(blob, maxBlocks: 5);
        await second.WriteAsync("y\n"u8.ToArray());
        await second.WriteAsync("z\n"u8.ToArray());
        await second.WriteAsync("dropped\n"u8.ToArray());

        Assert.Equal("x\nx\nx\ny\n" + AppendBlobJobOutput.MarkerFor(5), await ReadAsync(blob));
    }

    [Fact]
    public async Task WriteAsync_MoreThanOneBlock_SplitsIntoLegalBlocksAndKeepsEveryByte()
    {
        var blob = await NewLogAsync();
        var output = new AppendBlobJobOutput(blob);
        var data = Enumerable.Range(0, AppendBlobJobOutput.MaxBlockBytes + 1000).Select(i => (byte)('a' + (i % 26))).ToArray();

        await output.WriteAsync(data);

        Assert.Equal(2, (await blob.GetPropertiesAsync()).Value.BlobCommittedBlockCount);
        Assert.Equal(data, (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }
}
