namespace Mage.Functions.Endpoints.Configuration;

/// <summary>Log messages of the configuration routes (event ids 6150–6159, stable; the store uses 6100–6149). Never logs the text.</summary>
internal static partial class ConfigurationEndpointsLog
{
    [LoggerMessage(EventId = 6150, Level = LogLevel.Information, Message = "Configuration for service {Service} refused: {Errors} error(s), first at {Line}:{Column}")]
    public static partial void Refused(ILogger logger, string service, int errors, int line, int column);
}
