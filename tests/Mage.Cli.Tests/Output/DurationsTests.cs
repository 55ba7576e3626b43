using Mage.Cli.Output;

namespace Mage.Cli.Tests.Output;

public sealed class DurationsTests
{
    [Theory]
    [InlineData(0.04, "0.0s")]
    [InlineData(1.25, "1.3s")]
    [InlineData(59.9, "59.9s")]
    [InlineData(184, "3m04s")]
    [InlineData(3720, "1h02m")]
    [InlineData(-5, "0.0s")]
    public void Format_Seconds_ShortForm(double seconds, string expected) =>
        Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(15, "15 B")]
    [InlineData(70000, "68.4 KiB")]
    [InlineData(5 * 1024 * 1024, "5.0 MiB")]
    public void Size_Bytes_BinaryUnits(long bytes, string expected) => Assert.Equal(expected, Durations.Size(bytes));
}
