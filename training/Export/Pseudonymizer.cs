using System.Security.Cryptography;
using System.Text;

namespace MatchEngine.Training.Export;

/// <summary>
/// Keyed pseudonyms for exported ids: HMAC-SHA256 of the id under a secret salt, hex, truncated to 128 bits and
/// prefixed with the kind (<c>c_…</c> candidate, <c>v_…</c> vacancy). The same id gets the same pseudonym under the same
/// salt, across exports; without the salt a pseudonym cannot be linked back to an id, not even by hashing guessed ids.
/// The salt is 32 random bytes in a file of the data directory (<see cref="DefaultFileName"/>), created on first use
/// with owner-only permissions where the platform has them. Thread-safe.
/// </summary>
public sealed class Pseudonymizer
{
    /// <summary>File name of the salt within the data directory.</summary>
    public const string DefaultFileName = "export-salt.key";

    /// <summary>The fewest bytes a salt may have.</summary>
    public const int MinSaltBytes = 16;

    private readonly byte[] _salt;

    /// <summary>Uses <paramref name="salt"/> (at least <see cref="MinSaltBytes"/> bytes) as the key.</summary>
    public Pseudonymizer(byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(salt);
        if (salt.Length < MinSaltBytes) throw new ArgumentException($"a salt needs at least {MinSaltBytes} bytes", nameof(salt));
        _salt = (byte[])salt.Clone();
    }

    /// <summary>Reads the salt at <paramref name="path"/>, creating it (32 random bytes) when the file does not exist.</summary>
    public static Pseudonymizer FromSaltFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var fresh = RandomNumberGenerator.GetBytes(32);
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(stream.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                stream.Write(fresh);
            }
        }
        return new Pseudonymizer(File.ReadAllBytes(path));
    }

    /// <summary>The pseudonym of <paramref name="id"/> with a one-letter <paramref name="prefix"/> (e.g. 'c' for candidates).</summary>
    public string Of(char prefix, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var mac = HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(id));
        return $"{prefix}_{Convert.ToHexStringLower(mac, 0, 16)}";
    }
}
