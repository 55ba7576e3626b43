using Microsoft.Extensions.Logging;

namespace Mage.Builds.Sources;

/// <summary>Log messages of source cloning (event ids 4500–4599, stable).</summary>
internal static partial class SourceLog
{
    [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Cloning {Url} into {Directory} (ref {Ref})")]
    public static partial void Cloning(ILogger logger, string url, string directory, string @ref);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Warning, Message = "Clone of {Url} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string url, string reason);
}
