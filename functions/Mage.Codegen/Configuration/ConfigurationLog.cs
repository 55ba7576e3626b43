using Microsoft.Extensions.Logging;

namespace Mage.Codegen.Configuration;

/// <summary>Log messages of saved configurations (event ids 6100–6149, stable; the HTTP routes use 6150–6159). Never logs the text: it may describe internal systems.</summary>
internal static partial class ConfigurationLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Configuration version {Version} of service {Service} saved ({Size} bytes, sha256 {Sha256})")]
    public static partial void Saved(ILogger logger, string service, long version, long size, string sha256);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Configuration save of service {Service} lost the race for version {Version} (attempt {Attempt}); retrying")]
    public static partial void SaveRaced(ILogger logger, string service, long version, int attempt);
}
