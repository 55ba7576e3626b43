using Microsoft.Extensions.Logging;

namespace Mage.Catalog;

/// <summary>Log messages of the service catalog (event ids 2000–2099, stable). Never logs a secret.</summary>
internal static partial class CatalogLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Service {Service} created")]
    public static partial void ServiceCreated(ILogger logger, string service);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Service {Service} updated (repository token {TokenChange})")]
    public static partial void ServiceUpdated(ILogger logger, string service, string tokenChange);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Key {KeyId} created for service {Service}")]
    public static partial void KeyCreated(ILogger logger, string service, string keyId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Key {KeyId} of service {Service} revoked")]
    public static partial void KeyRevoked(ILogger logger, string service, string keyId);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Variable {Key} of service {Service} set (masked: {Masked})")]
    public static partial void VariableSet(ILogger logger, string service, string key, bool masked);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Information, Message = "Variable {Key} of service {Service} deleted")]
    public static partial void VariableDeleted(ILogger logger, string service, string key);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Information, Message = "Object {Name} of service {Service} stored ({Size} bytes, sha256 {Sha256})")]
    public static partial void ObjectStored(ILogger logger, string service, string name, long size, string sha256);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Information, Message = "Object {Name} of service {Service} deleted")]
    public static partial void ObjectDeleted(ILogger logger, string service, string name);

    [LoggerMessage(EventId = 2032, Level = LogLevel.Warning, Message = "Object {Name} of service {Service} rejected: larger than {MaxBytes} bytes")]
    public static partial void ObjectTooLarge(ILogger logger, string service, string name, long maxBytes);
}
