using Mage.Builds.Logs;

namespace Mage.Builds.Tests.Logs;

public sealed class BufferedJobOutputTests
{
    [Fact]
    public async Task Write_SmallWrites_AreBatchedAndFlushedWithinAboutASecond()
    {
        var sink = new RecordingJobOutput();
        await using var buffered = new BufferedJobOutput(sink, TimeSpan.FromMilliseconds(300));
        var started = DateTimeOffset.UtcNow;
        for (var i = 0; i < 100; i++)
        {
            await buffered.WriteAsync("line\n"u8.ToArray());
        }

        Assert.Empty(sink.Writes); // nothing yet: batched

        var deadline = started + TimeSpan.FromSeconds(2);
        while (sink.Flushes.Count == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        // One batch: one write and one flush for the 100 writes.
        var flush = Assert.Single(sink.Flushes);
        Assert.Equal(500, flush.Position);
        Assert.Single(sink.Writes);
        Assert.True(flush.At - started < TimeSpan.FromSeconds(1.3), $"flushed after {flush.At - started}");
    }

    [Fact]
    public async Task Write_FillingTheBuffer_FlushesAtOnceInFullBatches()
    {
        var sink = new RecordingJobOutput();
        await using var buffered = new BufferedJobOutput(sink, TimeSpan.FromMinutes(5), capacity: 1024);
        await buffered.WriteAsync(new byte[2500]);

        Assert.Equal([1024L, 2048L], sink.Flushes.Select(f => f.Position));
        await buffered.CompleteAsync();
        Assert.Equal([1024L, 2048L, 2500L], sink.Flushes.Select(f => f.Position));
        Assert.True(sink.Completed);
    }

    [Fact]
    public async Task Complete_WithBufferedBytes_WritesThemBeforeCompleting()
    {
        var sink = new RecordingJobOutput();
        await using var buffered = new BufferedJobOutput(sink, TimeSpan.FromMinutes(5));
        await buffered.WriteAsync("tail"u8.ToArray());
        await buffered.CompleteAsync();
        Assert.Equal("tail", sink.Text);
        Assert.True(sink.Completed);
    }
}
