namespace Mage.Functions.Endpoints.Builds;

/// <summary>Log messages of the build endpoints (event ids 2080–2089, stable).</summary>
internal static partial class BuildEndpointsLog
{
    [LoggerMessage(EventId = 2080, Level = LogLevel.Debug, Message = "Kill of build {BuildId} recorded; its orchestration did not take the kill event ({ErrorType}): it has not started yet and will find the build killed")]
    public static partial void KillEventNotDelivered(ILogger logger, string buildId, string errorType);
}
