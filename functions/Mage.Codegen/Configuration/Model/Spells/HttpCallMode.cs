namespace Mage.Codegen.Configuration;

/// <summary>How the requests of an <see cref="HttpCall"/> run.</summary>
public enum HttpCallMode
{
    /// <summary><c>series</c>: one after another; the first failure stops the call.</summary>
    Series,

    /// <summary><c>parallel</c>: all at once; the call waits for every one.</summary>
    Parallel,
}
