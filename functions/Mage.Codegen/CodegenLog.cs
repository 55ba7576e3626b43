using Microsoft.Extensions.Logging;

namespace Mage.Codegen;

/// <summary>Log messages of code generation (EventIds 6200–6299).</summary>
internal static partial class CodegenLog
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Information, Message = "Build {Service}#{Number}: generated {Files} files with pack {Pack} ({Origin}) from configuration version {Version}")]
    public static partial void Generated(ILogger logger, string service, long number, int files, string pack, string origin, long version);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Build {Service}#{Number}: code generation failed: {Reason}")]
    public static partial void Failed(ILogger logger, string service, long number, string reason);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Service {Service}: the default manifest of its pack could not be read: {Reason}")]
    public static partial void DefaultManifestUnavailable(ILogger logger, string service, string reason);
}
