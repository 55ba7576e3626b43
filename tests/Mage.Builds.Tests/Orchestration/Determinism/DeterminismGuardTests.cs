namespace Mage.Builds.Tests.Orchestration.Determinism;

public sealed class DeterminismGuardTests
{
    [Theory]
    [InlineData("var t = DateTime.Now;", "DateTime.Now")]
    [InlineData("var t = DateTime . UtcNow;", "DateTime.UtcNow")]
    [InlineData("var t = DateTimeOffset.UtcNow;", "DateTimeOffset.UtcNow")]
    [InlineData("var g = Guid.NewGuid();", "Guid.NewGuid")]
    [InlineData("await Task.Delay(10);", "Task.Delay")]
    [InlineData("await Task.Run(() => 1);", "Task.Run")]
    [InlineData("Thread.Sleep(1);", "Thread.Sleep")]
    [InlineData("await x.ConfigureAwait(false);", "ConfigureAwait(false)")]
    [InlineData("var s = $\"at {DateTime.UtcNow}\";", "DateTime.UtcNow")]
    public void ScanSource_ForbiddenApi_IsReportedWithLine(string line, string api)
    {
        string source = $"class C\n{{\n    void M()\n    {{\n        {line}\n    }}\n}}\n";

        DeterminismViolation violation = Assert.Single(DeterminismGuard.ScanSource(source, "C.cs"));

        Assert.Equal(api, violation.Api);
        Assert.Equal(5, violation.Line);
        Assert.Equal("C.cs", violation.File);
    }

    [Fact]
    public void ScanSource_MentionsInCommentsAndStrings_AreIgnored()
    {
        const string source = """
            // DateTime.UtcNow is forbidden here
            /* Guid.NewGuid() too */
            var a = "Task.Delay(1)";
            var b = @"Task.Run(x)";
            var c = 'x';
            var d = context.CurrentUtcDateTime;
            """;

        Assert.Empty(DeterminismGuard.ScanSource(source));
    }

    [Fact]
    public void AssertClean_DirtyFile_ThrowsListingEveryViolation()
    {
        string file = Path.Combine(Path.GetTempPath(), $"dirty-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.cs");
        File.WriteAllText(file, "var a = DateTime.UtcNow;\nvar b = Guid.NewGuid();\n");
        try
        {
            var ex = Assert.Throws<DeterminismViolationException>(() => DeterminismGuard.AssertClean(file));
            Assert.Equal(2, ex.Violations.Count);
            Assert.Contains("context.CurrentUtcDateTime", ex.Message, StringComparison.Ordinal);
            Assert.Contains("context.NewGuid()", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Scan_MissingPath_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => DeterminismGuard.Scan("/no/such/path/x.cs"));
    }
}
