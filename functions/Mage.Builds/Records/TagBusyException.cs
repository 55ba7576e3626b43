namespace Mage.Builds.Records;

/// <summary>A build with the same tag is queued or running for the service (HTTP 409).</summary>
public sealed class TagBusyException : Exception
{
    /// <summary>Creates the exception for <paramref name="tag"/>, held by <paramref name="buildId"/>.</summary>
    public TagBusyException(string tag, string buildId)
        : base($"Build {buildId} with tag '{tag}' is still queued or running; wait for it to finish or kill it, then submit again.")
    {
        Tag = tag;
        BuildId = buildId;
    }

    /// <summary>Required by the exception pattern; prefer the other constructor.</summary>
    public TagBusyException() : this(string.Empty, string.Empty) { }

    /// <summary>Required by the exception pattern; prefer the other constructor.</summary>
    public TagBusyException(string message) : base(message) { Tag = BuildId = string.Empty; }

    /// <summary>Required by the exception pattern; prefer the other constructor.</summary>
    public TagBusyException(string message, Exception innerException) : base(message, innerException) { Tag = BuildId = string.Empty; }

    /// <summary>The contested tag.</summary>
    public string Tag { get; }

    /// <summary>The build that holds it.</summary>
    public string BuildId { get; }
}
