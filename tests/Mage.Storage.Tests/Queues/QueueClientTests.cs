using Mage.Storage.Queues;
using Mage.Testing;

namespace Mage.Storage.Tests.Queues;

public sealed class QueueClientTests
{
    private static async Task<QueueClient> NewQueueAsync()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        QueueClient queue = azurite.Account.GetQueue(TestNames.Unique("q"));
        Assert.True(await queue.CreateIfNotExistsAsync());
        return queue;
    }

    [Fact]
    public async Task CreateIfNotExists_CalledTwice_SecondReturnsFalseAndDeleteIsIdempotent()
    {
        QueueClient queue = await NewQueueAsync();
        Assert.False(await queue.CreateIfNotExistsAsync());
        Assert.True(await queue.DeleteIfExistsAsync());
        Assert.False(await queue.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task SendReceiveDelete_SpecialCharacters_RoundTripExactly()
    {
        QueueClient queue = await NewQueueAsync();
        const string text = "<job id=\"1\">&amp; 'quotes' ü 😀\r\nline2\ttab</job>";
        SendReceipt sent = await queue.SendMessageAsync(text);
        QueueMessage received = Assert.Single(await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30)));
        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal(text, received.Text);
        Assert.Equal(1, received.DequeueCount);
        Assert.NotNull(received.InsertedOn);
        Assert.True(received.NextVisibleOn > DateTimeOffset.UtcNow);
        Assert.Empty(await queue.ReceiveMessagesAsync());
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        await Assert.ThrowsAsync<StorageNotFoundException>(() => queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));
    }

    [Fact]
    public async Task Send_WithVisibilityDelay_IsHiddenUntilDelayPasses()
    {
        QueueClient queue = await NewQueueAsync();
        await queue.SendMessageAsync("later", visibilityDelay: TimeSpan.FromSeconds(2), timeToLive: TimeSpan.FromMinutes(5));
        Assert.Empty(await queue.PeekMessagesAsync());
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("later", Assert.Single(await queue.PeekMessagesAsync()).Text);
    }

    [Fact]
    public async Task Send_InfiniteTimeToLive_IsAccepted()
    {
        QueueClient queue = await NewQueueAsync();
        SendReceipt receipt = await queue.SendMessageAsync("forever", timeToLive: Timeout.InfiniteTimeSpan);
        Assert.NotEmpty(receipt.MessageId);
    }

    [Fact]
    public async Task UpdateMessage_Heartbeat_ReturnsNewPopReceiptAndNewText()
    {
        QueueClient queue = await NewQueueAsync();
        await queue.SendMessageAsync("v1");
        QueueMessage m = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)));
        UpdateReceipt update = await queue.UpdateMessageAsync(m.MessageId, m.PopReceipt, TimeSpan.Zero, "v2");
        Assert.NotEqual(m.PopReceipt, update.PopReceipt);
        StorageException stale = await Assert.ThrowsAsync<StorageException>(() => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt));
        Assert.Equal("PopReceiptMismatch", stale.ErrorCode);
        QueueMessage again = Assert.Single(await queue.ReceiveMessagesAsync());
        Assert.Equal("v2", again.Text);
        Assert.Equal(2, again.DequeueCount);
        UpdateReceipt heartbeat = await queue.UpdateMessageAsync(again.MessageId, again.PopReceipt, TimeSpan.FromMinutes(1));
        Assert.True(heartbeat.NextVisibleOn > DateTimeOffset.UtcNow.AddSeconds(30));
        await queue.DeleteMessageAsync(again.MessageId, heartbeat.PopReceipt);
    }

    [Fact]
    public async Task ReceiveMessages_MoreThanAvailable_ReturnsUpTo32AndCountTracks()
    {
        QueueClient queue = await NewQueueAsync();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => queue.SendMessageAsync($"m{i}")));
        Assert.Equal(40, await queue.GetApproximateMessageCountAsync());
        Assert.Equal(32, (await queue.ReceiveMessagesAsync(32)).Count);
        Assert.Equal(8, (await queue.PeekMessagesAsync(32)).Count);
        await queue.ClearMessagesAsync();
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Send_Over64KiBEncoded_ThrowsBeforeSending()
    {
        QueueClient queue = (await TestAzurite.GetAsync()).Account.GetQueue(TestNames.Unique("never"));
        // '<' becomes "&lt;" (4 bytes): 20,000 chars are 80,000 bytes encoded. The queue does not even exist,
        // so any request would fail with 404: ArgumentException proves nothing was sent.
        ArgumentException e = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('<', 20_000)));
        Assert.Contains("64 KiB", e.Message, StringComparison.Ordinal);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(new string('a', 64 * 1024));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('a', 64 * 1024 + 1)));
    }

    [Fact]
    public async Task Send_InvalidXmlCharacter_ThrowsArgumentException()
    {
        QueueClient queue = await NewQueueAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync("nul\0char"));
    }

    [Fact]
    public async Task Receive_MissingQueue_ThrowsTypedNotFound()
    {
        QueueClient queue = (await TestAzurite.GetAsync()).Account.GetQueue(TestNames.Unique("missing"));
        StorageNotFoundException e = await Assert.ThrowsAsync<StorageNotFoundException>(() => queue.ReceiveMessagesAsync());
        Assert.Equal("QueueNotFound", e.ErrorCode);
    }
}
