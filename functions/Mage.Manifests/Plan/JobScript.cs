using System.Text;

namespace Mage.Manifests;

/// <summary>Job scripts as djinn writes them (<c>driver.CreateScript</c>).</summary>
public static class JobScript
{
    /// <summary>The script header: a POSIX shell, stderr into stdout, echo each command and stop at the first failure.</summary>
    public const string Header = "#!/bin/sh\nexec 2>&1\nset -ex\n\n";

    /// <summary>The header followed by each command and a newline.</summary>
    public static string Render(IEnumerable<string> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var script = new StringBuilder(Header);
        foreach (var command in commands)
        {
            script.Append(command).Append('\n');
        }

        return script.ToString();
    }
}
