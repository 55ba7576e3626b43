using System.Buffers;
using System.Text;

namespace Mage.Builds.Logs;

/// <summary>
/// The streaming matcher behind <see cref="MaskingJobOutput"/>: replaces every occurrence of
/// every secret value in a byte stream with <c>xxxxxx</c>, also when an occurrence is split
/// across writes.
/// </summary>
/// <remarks>
/// <para>Matching is on UTF-8 bytes. Values shorter than <see cref="MinimumSecretLength"/>
/// characters are ignored, as djinn only lets values of at least <c>len("xxxxxx")</c> be masked
/// (masking short values would shred ordinary output).</para>
/// <para>Overlapping or nested secrets: at each position the longest secret wins, and every
/// secret that starts inside a masked region and reaches past it extends that region, so a run
/// of overlapping occurrences becomes a single <c>xxxxxx</c> and no tail of any secret is shown.</para>
/// <para>Bounded memory: only an undecided tail (a proper prefix of some secret, so at most
/// longest-secret − 1 bytes) or the inside of a masked region is held between writes.</para>
/// <para>Not thread-safe: one writer.</para>
/// </remarks>
public sealed class SecretMasker
{
    /// <summary>The replacement written for a masked region.</summary>
    public static ReadOnlyMemory<byte> Mask { get; } = "xxxxxx"u8.ToArray();

    /// <summary>Values shorter than this (in characters) are not masked.</summary>
    public const int MinimumSecretLength = 6;

    private readonly byte[][] secrets;
    private readonly SearchValues<byte> firstBytes;
    private byte[] held = new byte[256];
    private int heldCount;

    // Number of bytes at the start of `held` that belong to a region already replaced by Mask.
    private int maskedCount;

    /// <summary>Creates a masker for <paramref name="secretValues"/> (duplicates and short values are dropped).</summary>
    public SecretMasker(IEnumerable<string> secretValues)
    {
        ArgumentNullException.ThrowIfNull(secretValues);
        secrets = secretValues
            .Where(s => s is not null && s.Length >= MinimumSecretLength)
            .Distinct(StringComparer.Ordinal)
            .Select(Encoding.UTF8.GetBytes)
            .OrderByDescending(b => b.Length)
            .ToArray();
        firstBytes = SearchValues.Create(secrets.Select(s => s[0]).Distinct().ToArray());
        MaxSecretLength = secrets.Length == 0 ? 0 : secrets[0].Length;
    }

    /// <summary>Whether there is anything to mask at all.</summary>
    public bool HasSecrets => secrets.Length > 0;

    /// <summary>Length in bytes of the longest secret.</summary>
    public int MaxSecretLength { get; }

    /// <summary>Number of input bytes held back, undecided or inside a masked region.</summary>
    public int HeldCount => heldCount;

    /// <summary>
    /// Feeds <paramref name="input"/> and writes to <paramref name="output"/> every byte that can
    /// no longer be part of a secret (masked regions as <see cref="Mask"/>).
    /// </summary>
    public void Write(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (secrets.Length == 0)
        {
            output.Write(input);
            return;
        }

        Append(input);
        Scan(output, final: false);
    }

    /// <summary>
    /// Ends the stream: decides the held bytes as if no more input will come and writes them.
    /// The masker can be reused afterwards as a fresh stream.
    /// </summary>
    public void Complete(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Scan(output, final: true);
        heldCount = 0;
        maskedCount = 0;
    }

    private void Append(ReadOnlySpan<byte> input)
    {
        if (heldCount + input.Length > held.Length)
        {
            Array.Resize(ref held, Math.Max(held.Length * 2, heldCount + input.Length));
        }

        input.CopyTo(held.AsSpan(heldCount));
        heldCount += input.Length;
    }

    private void Scan(IBufferWriter<byte> output, bool final)
    {
        var data = held.AsSpan(0, heldCount);
        var i = 0;
        while (i < data.Length)
        {
            if (i >= maskedCount)
            {
                // Outside a masked region: copy the run of bytes that cannot start a secret in one go.
                var next = data[i..].IndexOfAny(firstBytes);
                if (next < 0)
                {
                    output.Write(data[i..]);
                    i = data.Length;
                    break;
                }

                if (next > 0)
                {
                    output.Write(data.Slice(i, next));
                    i += next;
                    continue;
                }
            }

            var (full, partial) = Match(data, i);
            if (i >= maskedCount)
            {
                if (full > 0)
                {
                    output.Write(Mask.Span);
                    maskedCount = i + full;
                }
                else if (partial && !final)
                {
                    break; // undecided: a secret may complete with the next write
                }
                else
                {
                    output.Write(data.Slice(i, 1));
                    i++;
                    continue;
                }
            }

            // Inside a masked region: a secret starting here may reach past its end.
            if (full > 0 && i + full > maskedCount)
            {
                maskedCount = i + full;
            }

            if (partial && !final)
            {
                break;
            }

            i++;
        }

        // Drop what was decided; keep the undecided tail (and the rest of a masked region).
        data[i..].CopyTo(held);
        heldCount = data.Length - i;
        maskedCount = Math.Max(0, maskedCount - i);
    }

    // full: length of the longest secret that matches completely at `start` (0 if none).
    // partial: some longer secret matches everything from `start` to the end of the data.
    private (int Full, bool Partial) Match(ReadOnlySpan<byte> data, int start)
    {
        var rest = data[start..];
        var partial = false;
        foreach (var secret in secrets)
        {
            if (secret.Length <= rest.Length)
            {
                if (rest[..secret.Length].SequenceEqual(secret))
                {
                    return (secret.Length, partial);
                }
            }
            else if (!partial && secret.AsSpan(0, rest.Length).SequenceEqual(rest))
            {
                partial = true;
            }
        }

        return (0, partial);
    }
}
