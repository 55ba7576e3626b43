namespace Mage.Codegen.Configuration;

/// <summary>What adding an item to a full <c>work-queue</c> does.</summary>
public enum WorkQueueFullMode
{
    /// <summary><c>wait</c>: the caller waits for room.</summary>
    Wait,

    /// <summary><c>reject</c>: the caller gets a refusal at once (HTTP 503 in a generated API).</summary>
    Reject,
}
