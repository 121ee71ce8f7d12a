namespace MatchEngine.Engine.Sroi;

/// <summary>One line of the SROI-makelaar's worklist: a running (or not yet started) contract and its progress.</summary>
public sealed record WorklistEntry(int Position, ContractProgress Progress);
