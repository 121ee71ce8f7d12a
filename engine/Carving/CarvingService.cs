using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Engine.Carving;

/// <summary>
/// A carved role with the candidates the shortlist model ranks best for it, best first, each with the role as offered to
/// them (<see cref="SuggestedCandidate"/>).
/// </summary>
public sealed record RoleWithCandidates(CarvedRole Role, IReadOnlyList<SuggestedCandidate> Suggestions)
{
    /// <summary>The suggestions' shortlist entries, best first; their gaps are read against the role as offered to each.</summary>
    public IReadOnlyList<ShortlistEntry> Candidates => Suggestions.Select(s => s.Entry).ToArray();
}

/// <summary>A carving answer: the outcome (roles, excluded tasks, explanation) and, per role, its best candidates.</summary>
public sealed record CarvingProposal(CarvingOutcome Outcome, IReadOnlyList<RoleWithCandidates> Roles);

/// <summary>
/// Jobcarving as a capability: carve one vacancy or all open vacancies of an employer, for one candidate
/// or for "someone with a distance to the labour market" (then each role gets its best candidates from
/// the shortlist model, ranked over the role's own requirements, and the role is carved again to each
/// candidate's hours, shifts and capacity, or the gap is named); and, for a candidate, carved roles at
/// employers within reach. Thread-safe.
/// </summary>
public sealed class CarvingService(CatalogService catalog, ShortlistService shortlists, DataToday today)
{
    /// <summary>Candidates suggested per carved role when the caller does not say.</summary>
    public const int DefaultCandidatesPerRole = 5;

    /// <summary>
    /// Carves the tasks of one vacancy. Without a candidate, each role gets its best candidates from
    /// <paramref name="pool"/> (default: every region).
    /// </summary>
    public CarvingProposal CarveVacancy(string vacancyId, string? candidateId, int candidatesPerRole = DefaultCandidatesPerRole, ShortlistFilters? pool = null)
    {
        var vacancy = catalog.Store.GetVacancy(vacancyId) ?? throw new RecordNotFoundException(EntityKind.Vacancy, vacancyId);
        var employer = catalog.Store.GetEmployer(vacancy.EmployerId) ?? throw new RecordNotFoundException(EntityKind.Employer, vacancy.EmployerId);
        return Carve(employer, [vacancy], candidateId, candidatesPerRole, pool ?? new ShortlistFilters(), today.Date);
    }

    /// <summary>
    /// Carves the pooled tasks of all open vacancies of one employer (open on <paramref name="asOf"/>, default today).
    /// Without a candidate, each role gets its best candidates from <paramref name="pool"/> (default: every region), a job
    /// they hold on that day named as a gap.
    /// </summary>
    public CarvingProposal CarveEmployer(string employerId, string? candidateId, DateOnly? asOf = null, int candidatesPerRole = DefaultCandidatesPerRole,
        ShortlistFilters? pool = null)
    {
        var employer = catalog.Store.GetEmployer(employerId) ?? throw new RecordNotFoundException(EntityKind.Employer, employerId);
        var day = asOf ?? today.Date;
        var vacancies = OpenVacancies(employerId, day);
        if (vacancies.Count == 0)
            throw new PreconditionFailedException($"werkgever {employerId} heeft op {Dutch.Date(day)} geen open vacatures; jobcarving heeft open vacatures met een takenlijst nodig");
        return Carve(employer, vacancies, candidateId, candidatesPerRole, pool ?? new ShortlistFilters(), day);
    }

    /// <summary>Roles carved for <paramref name="candidateId"/> at employers within their reach with vacancies open to jobcarving, most hours first.</summary>
    public IReadOnlyList<CarvedRole> RolesForCandidate(string candidateId, int top, DateOnly? asOf = null)
    {
        var candidate = catalog.Store.GetCandidate(candidateId);
        if (candidate is not { ConsentMatching: true }) throw new RecordNotFoundException(EntityKind.Candidate, candidateId);
        var worker = WorkerProfile.Of(candidate, catalog.Store.Routes().ToArray());
        var hits = catalog.Index.Search(new VacancyQuery { Near = candidate.Location, RadiusKm = candidate.MaxDistanceKm, OpenOn = asOf ?? today.Date, Top = 2000 });
        var roles = new List<CarvedRole>();
        foreach (var group in hits.Select(h => catalog.Store.GetVacancy(h.Id)!).Where(v => v.OpenToJobcarving && v.Tasks.Count > 0).GroupBy(v => v.EmployerId))
        {
            if (catalog.Store.GetEmployer(group.Key) is not { } employer) continue;
            roles.AddRange(JobCarver.Carve(employer, group.ToArray(), worker, maxRoles: 1).Roles);
        }
        return roles.OrderBy(r => r.Routes.Count).ThenByDescending(r => r.HoursPerWeek).ThenBy(r => r.EmployerId, StringComparer.Ordinal).Take(top).ToArray();
    }

    /// <summary>The role as a vacancy, so the shortlist model can rank candidates over its requirements.</summary>
    public static Vacancy AsVacancy(CarvedRole role, Employer employer, DateOnly postedAt) => new()
    {
        Id = $"carved-{employer.Id}",
        EmployerId = employer.Id,
        Title = role.Title,
        Description = $"{role.Title}: {string.Join(", ", role.Tasks.Select(t => t.Name).Distinct())}",
        Isco = RoleTitles.IscoOf(role.Title),
        Sector = employer.Sector,
        Lat = employer.Lat,
        Lon = employer.Lon,
        HoursMin = Math.Max(1, Math.Min(role.HoursPerWeek, WorkerProfile.MinimumRoleHours)),
        HoursMax = Math.Min(40, role.HoursPerWeek),
        SkillsPreferred = role.Skills,
        PhysicalLoad = role.PhysicalLoad,
        Shifts = role.Shifts.Count > 0 ? role.Shifts : [Shift.Day],
        Contract = ContractKind.Temporary,
        PostedAt = postedAt,
        Tasks = role.Tasks.Select((t, i) => new VacancyTask { Id = $"t{i + 1}", Name = t.Name, Skills = t.Skills, Complexity = t.Complexity, PhysicalLoad = t.PhysicalLoad,
            HoursPerWeek = t.HoursPerWeek }).ToArray(),
    };

    /// <summary>The carving; without a candidate each role's best candidates, with a job they hold on <paramref name="day"/> named as a gap.</summary>
    private CarvingProposal Carve(Employer employer, IReadOnlyList<Vacancy> vacancies, string? candidateId, int candidatesPerRole, ShortlistFilters pool, DateOnly day)
    {
        WorkerProfile worker;
        if (candidateId is null)
        {
            worker = WorkerProfile.Generic;
        }
        else
        {
            var candidate = catalog.Store.GetCandidate(candidateId);
            if (candidate is not { ConsentMatching: true }) throw new RecordNotFoundException(EntityKind.Candidate, candidateId);
            worker = WorkerProfile.Of(candidate, catalog.Store.Routes().ToArray());
        }
        var outcome = JobCarver.Carve(employer, vacancies, worker);
        if (candidateId is not null || candidatesPerRole <= 0) return new CarvingProposal(outcome, [.. outcome.Roles.Select(role => new RoleWithCandidates(role, []))]);
        var jobs = today.JobsOn(day);
        var withCandidates = outcome.Roles.Select(role => new RoleWithCandidates(role,
            Suggest(role, employer, vacancies, shortlists.For(AsVacancy(role, employer, today.Date), candidatesPerRole, pool, jobs).Candidates, jobs))).ToArray();
        return new CarvingProposal(outcome, withCandidates);
    }

    /// <summary>
    /// Each ranked candidate with the role as offered to them: the proposed role when it fits their hours, shifts and
    /// physical capacity; else the role carved again from its own tasks to fit them; else the proposed role with the
    /// gaps named. Gaps are read against the role as offered.
    /// </summary>
    private SuggestedCandidate[] Suggest(CarvedRole role, Employer employer, IReadOnlyList<Vacancy> vacancies, IReadOnlyList<ShortlistEntry> ranked, CurrentJobs jobs)
    {
        var suggestions = new List<SuggestedCandidate>(ranked.Count);
        foreach (var entry in ranked)
        {
            if (catalog.Store.GetCandidate(entry.CandidateId) is not { } candidate) continue;
            var fitted = RoleFit.Fits(role, candidate) ? null : JobCarver.FitTo(role, employer, vacancies, WorkerProfile.GenericFor(candidate));
            var offered = fitted ?? role;
            IReadOnlyList<string> reasons = fitted is null ? entry.Reasons : [.. entry.Reasons, RoleFit.Describe(fitted, role)];
            suggestions.Add(new SuggestedCandidate(entry with { Reasons = reasons, Gaps = Gaps(offered, employer, candidate, jobs) }, offered, fitted is not null));
        }
        return suggestions.ToArray();
    }

    /// <summary>
    /// What stands between <paramref name="candidate"/> and <paramref name="role"/>: a job they hold (<paramref name="jobs"/>), the hours against the role's own
    /// hours (<see cref="RoleFit.HoursGap"/>), then what the shortlist names (shifts, load, distance, start date). The
    /// vacancy the role is ranked as asks a range of hours for retrieval, so that comparison is left to RoleFit.
    /// </summary>
    private List<string> Gaps(CarvedRole role, Employer employer, Candidate candidate, CurrentJobs jobs)
    {
        var gaps = new List<string>();
        if (jobs.Of(candidate.Id) is { } job) gaps.Add(job.Gap);
        if (RoleFit.HoursGap(role, candidate) is { } hours) gaps.Add(hours);
        var asked = new PreparedVacancy(AsVacancy(role, employer, today.Date) with { HoursMin = 1, HoursMax = 40 }, employer);
        var person = new PreparedCandidate(candidate);
        gaps.AddRange(Explainer.Gaps(asked, person, PairFeatures.Featurize(asked, person, 0)));
        return gaps;
    }

    private List<Vacancy> OpenVacancies(string employerId, DateOnly day) =>
        catalog.Index.Search(new VacancyQuery { EmployerId = employerId, OpenOn = day, Top = 1000 })
            .Select(h => catalog.Store.GetVacancy(h.Id)).Where(v => v is not null).Select(v => v!).ToList();
}
