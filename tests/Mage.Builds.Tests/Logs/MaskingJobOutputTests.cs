using System.Text;
using Mage.Builds.Logs;

namespace Mage.Builds.Tests.Logs;

public sealed class MaskingJobOutputTests
{
    private static async Task<string> MaskAsync(IEnumerable<string> secrets, params string[] writes)
    {
        var sink = new RecordingJobOutput();
        var masking = new MaskingJobOutput(sink, secrets);
        foreach (var write in writes)
        {
            await masking.WriteAsync(Encoding.UTF8.GetBytes(write));
        }

        await masking.CompleteAsync();
        Assert.True(sink.Completed);
        return sink.Text;
    }

    private static async Task<string> MaskBytesAsync(IEnumerable<string> secrets, byte[] data, params int[] splits)
    {
        var sink = new RecordingJobOutput();
        var masking = new MaskingJobOutput(sink, secrets);
        var start = 0;
        foreach (var split in splits.Append(data.Length))
        {
            await masking.WriteAsync(data.AsMemory(start, split - start));
            start = split;
        }

        await masking.CompleteAsync();
        return sink.Text;
    }

    [Fact]
    public async Task Write_WholeSecret_IsReplaced()
    {
        var text = await MaskAsync(["hunter22"], "password is hunter22, again hunter22\n");
        Assert.Equal("password is xxxxxx, again xxxxxx\n", text);
    }

    [Fact]
    public async Task Write_SecretSplitAtEveryBoundary_IsReplaced()
    {
        // Invariant: however the job's output is chunked, no secret byte sequence reaches the sink.
        var data = Encoding.UTF8.GetBytes("a s3cr3t-value b s3cr3t-value");
        for (var first = 0; first <= data.Length; first++)
        {
            for (var second = first; second <= data.Length; second++)
            {
                var text = await MaskBytesAsync(["s3cr3t-value"], data, first, second);
                Assert.Equal("a xxxxxx b xxxxxx", text);
            }
        }
    }

    [Fact]
    public async Task Write_OneByteAtATime_IsReplaced()
    {
        var data = Encoding.UTF8.GetBytes("xx topsecret yy topsecre");
        var splits = Enumerable.Range(1, data.Length - 1).ToArray();
        Assert.Equal("xx xxxxxx yy topsecre", await MaskBytesAsync(["topsecret"], data, splits));
    }

    [Fact]
    public async Task Write_OverlappingSecrets_MasksTheWholeRegion()
    {
        // Invariant: no tail of any secret is shown, even when two occurrences overlap.
        var text = await MaskAsync(["secret123", "123456"], "[secret123456]");
        Assert.Equal("[xxxxxx]", text);
    }

    [Fact]
    public async Task Write_NestedSecrets_LongestWins()
    {
        Assert.Equal("<xxxxxx> <xxxxxx>", await MaskAsync(["password", "mypassword1"], "<mypassword1> <password>"));
    }

    [Fact]
    public async Task Write_OverlappingSecretsSplitEverywhere_MasksTheWholeRegion()
    {
        var data = Encoding.UTF8.GetBytes("[secret123456]");
        for (var split = 0; split <= data.Length; split++)
        {
            Assert.Equal("[xxxxxx]", await MaskBytesAsync(["secret123", "123456"], data, split));
        }
    }

    [Fact]
    public async Task Flush_InTheMiddleOfASecret_HoldsThePrefix()
    {
        var sink = new RecordingJobOutput();
        var masking = new MaskingJobOutput(sink, ["abcdefgh"]);
        await masking.WriteAsync("line abcd"u8.ToArray());
        await masking.FlushAsync();

        // The prefix could still become the secret: only the safe part went out.
        Assert.Equal("line ", sink.Text);
        Assert.Single(sink.Flushes);

        await masking.WriteAsync("efgh done"u8.ToArray());
        await masking.CompleteAsync();
        Assert.Equal("line xxxxxx done", sink.Text);
    }

    [Fact]
    public async Task Complete_WithAnUnfinishedPrefix_EmitsIt()
    {
        Assert.Equal("end abcd", await MaskAsync(["abcdefgh"], "end ", "abcd"));
    }

    [Fact]
    public async Task Write_MultibyteSecret_IsReplacedAtEverySplit()
    {
        // Splits fall inside the multi-byte characters too: matching is on bytes.
        var data = Encoding.UTF8.GetBytes("é→ pässwörd→🔑 ok");
        for (var split = 0; split <= data.Length; split++)
        {
            Assert.Equal("é→ xxxxxx ok", await MaskBytesAsync(["pässwörd→🔑"], data, split));
        }
    }

    [Fact]
    public async Task Write_ShortValues_AreNotMasked()
    {
        // djinn only masks values of at least len("xxxxxx").
        Assert.Equal("abc 12345", await MaskAsync(["abc", "12345", ""], "abc 12345"));
    }

    [Fact]
    public async Task Write_RandomChunking_NeverLeaksASecret()
    {
        var random = new Random(1234);
        string[] secrets = ["Tok3n!Value", "kenVal99", "aaaaaaa"];
        var builder = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            builder.Append(random.Next(4) switch
            {
                0 => secrets[random.Next(secrets.Length)],
                1 => "aaaa",
                2 => "Tok3n",
                _ => "x\n",
            });
        }

        var data = Encoding.UTF8.GetBytes(builder.ToString());
        var expected = await MaskBytesAsync(secrets, data);
        for (var round = 0; round < 50; round++)
        {
            var splits = Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(data.Length)).Order().ToArray();
            var text = await MaskBytesAsync(secrets, data, splits);
            Assert.Equal(expected, text);
            Assert.All(secrets, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
        }
    }
}
