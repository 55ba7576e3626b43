namespace Mage.Builds.Jobs;

/// <summary>One job for a driver to run.</summary>
/// <param name="JobName">The job's name, as in the manifest; used for the script file name (sanitized) and logs.</param>
/// <param name="Script">
/// The complete script, as the manifest layer renders it (djinn: <c>#!/bin/sh\nexec 2&gt;&amp;1\nset -ex\n\n</c>
/// and one command a line). Written to a file and run with <c>/bin/sh</c>.
/// </param>
/// <param name="Environment">
/// The job's whole environment (variables, secrets, build metadata). Nothing of the host's
/// environment is added apart from a minimal PATH, HOME and LANG that these values override.
/// </param>
/// <param name="Timeout">How long the job may run; <see langword="null"/> for no job-level limit.</param>
public sealed record JobRunRequest(
    string JobName,
    string Script,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan? Timeout);
