using System.Text;
using System.Text.RegularExpressions;

namespace Mage.Builds.Artifacts;

/// <summary>
/// One <c>/</c>-separated part of a pattern, matched like Go's <c>filepath.Match</c>: <c>*</c> any
/// run of characters, <c>?</c> one character, <c>[abc]</c>, <c>[a-z]</c> and <c>[!a]</c>/<c>[^a]</c>
/// classes. Like <c>filepath.Glob</c>, <c>*</c> also matches names starting with a dot.
/// </summary>
internal sealed class GlobSegment
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private readonly Regex? regex;

    private GlobSegment(string text, Regex? regex)
    {
        Text = text;
        this.regex = regex;
    }

    internal string Text { get; }

    /// <summary>Whether the segment has no wildcard (it names one entry).</summary>
    internal bool IsLiteral => regex is null && !IsRecursive;

    /// <summary>Whether the segment is <c>**</c>: any number of directories, including none.</summary>
    internal bool IsRecursive => Text == "**";

    internal static bool HasWildcard(string segment) => segment.IndexOfAny(['*', '?', '[']) >= 0;

    internal static GlobSegment Parse(string segment)
    {
        if (!HasWildcard(segment) || segment == "**")
        {
            return new GlobSegment(segment, null);
        }

        var pattern = new StringBuilder("^");
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    pattern.Append(".*");
                    break;
                case '?':
                    pattern.Append('.');
                    break;
                case '[':
                    var end = segment.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        pattern.Append(@"\[");
                        break;
                    }

                    var body = segment[(i + 1)..end];
                    var negate = body.StartsWith('!') || body.StartsWith('^');
                    if (negate)
                    {
                        body = body[1..];
                    }

                    pattern.Append('[').Append(negate ? "^" : "").Append(body.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("[", @"\[", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        pattern.Append('$');
        return new GlobSegment(segment, new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout));
    }

    internal bool Matches(string name) => IsRecursive || (regex is null ? name == Text : regex.IsMatch(name));
}
