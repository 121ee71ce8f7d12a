namespace MatchEngine.Tests.Conventions;

/// <summary>A type one type uses: in its own assembly (<see cref="Internal"/>) or in another; <see cref="Namespace"/> is the
/// namespace of the outermost declaring type, so a nested type counts as its container's folder.</summary>
internal sealed record TypeUse(bool Internal, string Namespace, string Name)
{
    public string FullName => Namespace.Length == 0 ? Name : $"{Namespace}.{Name}";
}
