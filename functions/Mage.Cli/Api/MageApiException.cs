namespace Mage.Cli.Api;

/// <summary>The API answered with an error status; <see cref="Problem"/> says what it said.</summary>
internal sealed class MageApiException(ApiProblem problem)
    : Exception($"{problem.Status} {problem.Title}: {problem.Detail}")
{
    /// <summary>The answer.</summary>
    public ApiProblem Problem { get; } = problem;
}
