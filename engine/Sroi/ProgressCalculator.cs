using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Sroi;

/// <summary>
/// Computes <see cref="ContractProgress"/> from a contract, the placements attributed to it and a valuation table: each
/// amount is rounded to cents where it is computed, and each total is the sum or difference of rounded amounts
/// (<see cref="SroiRounding"/>). Pure; thread-safe.
/// </summary>
public static class ProgressCalculator
{
    /// <summary>The progress of <paramref name="contract"/> on <paramref name="asOf"/>.</summary>
    public static ContractProgress Compute(SroiContract contract, DateOnly asOf, IEnumerable<(Placement Placement, Candidate? Candidate, Attribution Attribution)> placements, SroiValuationTable table)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(placements);
        ArgumentNullException.ThrowIfNull(table);
        var contractDays = SroiDays.Between(contract.Start, contract.End);
        var elapsed = SroiDays.Between(contract.Start, SroiDays.Min(asOf, contract.End));
        var remaining = contractDays - elapsed;
        var counted = placements.Select(p => Count(contract, asOf, p.Placement, p.Candidate, p.Attribution, table))
            .OrderBy(c => c.Start).ThenBy(c => c.PlacementId, StringComparer.Ordinal).ToArray();
        var obligation = SroiRounding.Cents(contract.ObligationEur);
        var realised = counted.Sum(c => c.Realised.ValueEur);
        var committed = counted.Sum(c => c.Committed.ValueEur);
        // The pace as shown (four decimals) times the remaining days, in cents: a person can redo it from the answer.
        var pace = elapsed == 0 ? 0m : SroiRounding.Rate(realised / elapsed);
        var atPace = SroiRounding.Cents(pace * remaining);
        // Running placements' future (committed) and new placements at the pace so far overlap: the pace already
        // contains what the running ones earn. Take the larger of the two rather than their sum.
        var projected = realised + Math.Max(atPace, committed);
        return new ContractProgress(contract, asOf, contractDays, elapsed, remaining, obligation, realised, Math.Max(0m, obligation - realised),
            pace, committed, atPace, projected, projected < obligation, Math.Max(0m, obligation - projected), counted);
    }

    private static CountedPlacement Count(SroiContract contract, DateOnly asOf, Placement p, Candidate? candidate, Attribution attribution, SroiValuationTable table)
    {
        var block = table.BlockOf(p, candidate);
        var hours = (decimal)p.HoursPerWeek;
        var last = SroiDays.LastDayWorked(p);
        var from = SroiDays.Max(p.Start, contract.Start);
        var to = SroiDays.Min(SroiDays.Min(contract.End, asOf), last ?? DateOnly.MaxValue);
        var realisedDays = SroiDays.Between(from, to);
        var running = p.Start <= asOf && (last is null || last >= asOf) && asOf < contract.End;
        var committedDays = running ? SroiDays.Between(SroiDays.Max(asOf.AddDays(1), from), SroiDays.Min(contract.End, last ?? DateOnly.MaxValue)) : 0;
        return new CountedPlacement(p.Id, p.VacancyId, attribution.Rule, attribution.AlsoEligible, p.Start, last, running,
            realisedDays > 0 ? from : null, realisedDays > 0 ? to : null,
            SroiValuation.Of(table, block, hours, realisedDays), SroiValuation.Of(table, block, hours, committedDays));
    }
}
