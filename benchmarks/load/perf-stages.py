#!/usr/bin/env python3
"""Shares of a shortlist's stages in a perf profile of the api under load (docs/scaling.md, section 3).

Record as section 3 says (the api started with DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0, a 60 s level at
8 callers), then:

    perf record -F 999 -g -p PID -o /tmp/api.perf -- sleep 20
    perf script -i /tmp/api.perf -F comm,tid,ip,sym > /tmp/api.stacks
    python3 benchmarks/load/perf-stages.py /tmp/api.stacks

Prints, per stage, the share of all samples of the api whose stack passes through it (inclusive, so a stage's parts add
up to less than or about the stage). A stage is matched by the method frames named below, compared with the start of the
method's name only, so a frame that merely takes a stage's type as an argument does not count.
"""
import re
import sys

# (stage, method names; a frame counts when its method name, after the assembly, starts with one of them)
STAGES = [
    ("the shortlist (ShortlistService.For)", ["MatchEngine.Engine.Matching.ShortlistService::For("]),
    ("BM25 top 1,000 of the vacancy's text", ["MatchEngine.Engine.Index.Bm25Disjunction::Top("]),
    ("  summing the postings", ["MatchEngine.Engine.Index.Bm25Disjunction::Accumulate("]),
    ("  keeping the top (heap or BestOf)", ["MatchEngine.Engine.Index.Bm25Disjunction+TopDocsHeap::",
                                            "MatchEngine.Engine.Domain.BestOf`2[System.ValueTuple`2[System.Int32,System.Single]",
                                            "MatchEngine.Engine.Domain.BestOf`2+<>c[System.ValueTuple`2[System.Int32,System.Single]"]),
    ("structured generator", ["MatchEngine.Engine.Matching.CandidateRetrieval::Structured("]),
    ("  its walls' distance test", ["MatchEngine.Engine.Matching.CandidateRetrieval+Walls::Admit("]),
    ("  keeping each tier's nearest", ["System.Collections.Generic.PriorityQueue`2[System.Int32,System.ValueTuple`2[System.Double,System.Int32]]",
                                      "MatchEngine.Engine.Matching.CandidateRetrieval+<>c::<.cctor>",
                                      "MatchEngine.Engine.Domain.BestOf`2[System.ValueTuple`2[System.Double,System.Int32]",
                                      "MatchEngine.Engine.Domain.BestOf`2+<>c[System.ValueTuple`2[System.Double,System.Int32]"]),
    ("featurizing the pairs", ["MatchEngine.Engine.Matching.PairFeatures::Featurize(", "MatchEngine.Engine.Matching.PairFeatures::DistanceKm(",
                               "MatchEngine.Engine.Matching.ShortlistService+<>c__DisplayClass7_0::<For>b__0("]),
    ("  PairFeatures.DistanceKm (the first read of each candidate)", ["MatchEngine.Engine.Matching.PairFeatures::DistanceKm("]),
    ("ranking (score, floor, order)", ["MatchEngine.Engine.Matching.ShortlistService::Best("]),
    ("explaining the top", ["MatchEngine.Engine.Matching.Explainer::Explain("]),
]


ASSEMBLY = re.compile(r"\[[A-Za-z][^\]]*\] ")


def method(frame):
    """The method of a perf map frame such as 'float32[] [MatchEngine.Engine] Ns.Type::Name(args)[OptimizedTier1]'."""
    at = ASSEMBLY.search(frame)
    return frame[at.end():] if at else frame


def samples(path):
    stack = []
    for line in open(path, errors="replace"):
        if not line.strip():
            if stack:
                yield stack
            stack = []
        elif line[0] not in " \t":
            if stack:
                yield stack
            stack = [line.strip()]
        else:
            parts = line.strip().split(" ", 1)
            stack.append(method(parts[1] if len(parts) > 1 else parts[0]))
    if stack:
        yield stack


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    counts = [0] * len(STAGES)
    total = 0
    for stack in samples(sys.argv[1]):
        total += 1
        for i, (_, names) in enumerate(STAGES):
            if any(frame.startswith(name) for frame in stack[1:] for name in names):
                counts[i] += 1
    print(f"{total} samples")
    for (stage, _), count in zip(STAGES, counts):
        print(f"{100 * count / max(total, 1):6.1f}%  {stage}")


if __name__ == "__main__":
    main()
