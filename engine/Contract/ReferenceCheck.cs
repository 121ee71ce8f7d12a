using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Contract;

/// <summary>
/// The contract's references between records: each must name an id that exists once the whole folder
/// is read (or, for a single upsert, in the store).
/// </summary>
public static class ReferenceCheck
{
    /// <summary>Violations of <paramref name="record"/>'s references; <paramref name="exists"/> answers whether an id of a kind exists.</summary>
    public static IReadOnlyList<FieldViolation> Check(object record, Func<EntityKind, string, bool> exists)
    {
        var violations = new List<FieldViolation>();
        void Need(string field, EntityKind kind, string? id)
        {
            if (id is not null && !exists(kind, id)) violations.Add(new FieldViolation(field, $"{kind.DutchName()} {ClientValue.Quote(id)} bestaat niet"));
        }
        switch (record)
        {
            case SroiContract c:
                Need("employer_id", EntityKind.Employer, c.EmployerId);
                break;
            case Vacancy v:
                Need("employer_id", EntityKind.Employer, v.EmployerId);
                Need("sroi_contract_id", EntityKind.SroiContract, v.SroiContractId);
                break;
            case MatchEvent e:
                Need("vacancy_id", EntityKind.Vacancy, e.VacancyId);
                Need("candidate_id", EntityKind.Candidate, e.CandidateId);
                break;
            case Placement p:
                Need("candidate_id", EntityKind.Candidate, p.CandidateId);
                Need("employer_id", EntityKind.Employer, p.EmployerId);
                Need("vacancy_id", EntityKind.Vacancy, p.VacancyId);
                Need("route_id", EntityKind.Route, p.RouteId);
                break;
        }
        return violations;
    }
}
