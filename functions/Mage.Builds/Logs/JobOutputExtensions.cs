using System.Text;

namespace Mage.Builds.Logs;

/// <summary>Conveniences over <see cref="IJobOutput"/>.</summary>
public static class JobOutputExtensions
{
    /// <summary>
    /// Writes <paramref name="line"/> as UTF-8 followed by a newline; meant for system messages
    /// such as <c>artifact refused: …</c> that are written between the job's own output.
    /// </summary>
    public static ValueTask WriteLineAsync(this IJobOutput output, string line, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(line);
        return output.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), cancellationToken);
    }
}
