namespace Mage.Builds.Orchestration;

/// <summary>Raised inside the orchestrator when a kill, a time limit or a lost driver ends the build early.</summary>
public sealed class BuildInterruptedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BuildInterruptedException(string status, string reason) : base(reason) => Status = status;

    /// <summary>Required by the exception pattern.</summary>
    public BuildInterruptedException() : this(Records.BuildStatus.Failed, "interrupted") { }

    /// <summary>Required by the exception pattern.</summary>
    public BuildInterruptedException(string message) : this(Records.BuildStatus.Failed, message) { }

    /// <summary>Required by the exception pattern.</summary>
    public BuildInterruptedException(string message, Exception innerException) : base(message, innerException) => Status = Records.BuildStatus.Failed;

    /// <summary>The final status the build gets.</summary>
    public string Status { get; }
}
