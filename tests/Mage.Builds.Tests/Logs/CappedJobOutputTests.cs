using System.Text;
using Mage.Builds.Logs;

namespace Mage.Builds.Tests.Logs;

public sealed class CappedJobOutputTests
{
    [Fact]
    public async Task Write_PastTheCap_DropsTheRestAndWritesOneMarker()
    {
        var sink = new RecordingJobOutput();
        var capped = new CappedJobOutput(sink, 10);
        await capped.WriteAsync("12345678"u8.ToArray());
        await capped.WriteAsync("abcdef"u8.ToArray());
        await capped.WriteAsync("more"u8.ToArray());
        await capped.CompleteAsync();

        Assert.True(capped.Truncated);
        Assert.Equal("12345678ab\n" + CappedJobOutput.MarkerFor(10) + "\n", sink.Text);
        Assert.True(sink.Completed);
    }

    [Fact]
    public async Task Write_UnderTheCap_PassesEverything()
    {
        var sink = new RecordingJobOutput();
        var capped = new CappedJobOutput(sink, 1024);
        await capped.WriteAsync(Encoding.UTF8.GetBytes("hello\n"));
        Assert.False(capped.Truncated);
        Assert.Equal("hello\n", sink.Text);
    }

    [Fact]
    public void MarkerFor_WholeMebibytes_NamesThem()
    {
        Assert.Equal(
            "[mage] log truncated: the job printed more than 50 MiB; the rest was dropped",
            CappedJobOutput.MarkerFor(50L * 1024 * 1024));
    }
}
