using Google.Protobuf;
using MatchEngine.Api.V1;
using MatchEngine.Engine.Contract;
using EngineKind = MatchEngine.Engine.Contract.EntityKind;
using ProtoKind = MatchEngine.Api.V1.EntityKind;

namespace MatchEngine.Api.Catalog;

/// <summary>
/// Maps catalog messages to and from the data contract through its JSON form, so a record sent over
/// gRPC is validated by exactly the rules that an imported line is (the messages carry the contract
/// field for field, under the same names).
/// </summary>
public static class ProtoContract
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>The record's kind and its contract JSON line.</summary>
    public static (EngineKind Kind, string Json) ToContract(Record record) => record.EntityCase switch
    {
        Record.EntityOneofCase.Employer => (EngineKind.Employer, Formatter.Format(record.Employer)),
        Record.EntityOneofCase.SroiContract => (EngineKind.SroiContract, Formatter.Format(record.SroiContract)),
        Record.EntityOneofCase.Vacancy => (EngineKind.Vacancy, Formatter.Format(record.Vacancy)),
        Record.EntityOneofCase.Candidate => (EngineKind.Candidate, Formatter.Format(record.Candidate)),
        Record.EntityOneofCase.Route => (EngineKind.Route, Formatter.Format(record.Route)),
        Record.EntityOneofCase.MatchEvent => (EngineKind.MatchEvent, Formatter.Format(record.MatchEvent)),
        Record.EntityOneofCase.Placement => (EngineKind.Placement, Formatter.Format(record.Placement)),
        _ => throw new ContractViolationException("record", null,
            [new Engine.Contract.FieldViolation("entity", "een record moet één van employer, sroi_contract, vacancy, candidate, route, match_event of placement bevatten")]),
    };

    /// <summary>A domain record as a catalog message.</summary>
    public static Record FromDomain(EngineKind kind, object record)
    {
        var json = ContractJson.Serialize(record);
        return kind switch
        {
            EngineKind.Employer => new Record { Employer = Parser.Parse<V1.Employer>(json) },
            EngineKind.SroiContract => new Record { SroiContract = Parser.Parse<V1.SroiContract>(json) },
            EngineKind.Vacancy => new Record { Vacancy = Parser.Parse<V1.Vacancy>(json) },
            EngineKind.Candidate => new Record { Candidate = Parser.Parse<V1.Candidate>(json) },
            EngineKind.Route => new Record { Route = Parser.Parse<V1.Route>(json) },
            EngineKind.MatchEvent => new Record { MatchEvent = Parser.Parse<V1.MatchEvent>(json) },
            EngineKind.Placement => new Record { Placement = Parser.Parse<V1.Placement>(json) },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The engine's kind for a proto kind; INVALID_ARGUMENT when unspecified.</summary>
    public static EngineKind ToEngine(ProtoKind kind) => kind switch
    {
        ProtoKind.Employer => EngineKind.Employer,
        ProtoKind.SroiContract => EngineKind.SroiContract,
        ProtoKind.Vacancy => EngineKind.Vacancy,
        ProtoKind.Candidate => EngineKind.Candidate,
        ProtoKind.Route => EngineKind.Route,
        ProtoKind.MatchEvent => EngineKind.MatchEvent,
        ProtoKind.Placement => EngineKind.Placement,
        _ => throw new Engine.InvalidRequestException("kind", "moet EMPLOYER, SROI_CONTRACT, VACANCY, CANDIDATE, ROUTE, MATCH_EVENT of PLACEMENT zijn"),
    };
}
