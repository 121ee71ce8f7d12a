namespace MatchEngine.Engine.LabelResolution;

/// <summary>What a free label names: a skill (vaardigheid) or a certificate. Each kind resolves against its own catalogue.</summary>
public enum LabelKind
{
    Skill,
    Certificate,
}
