using Google.Protobuf;
using Google.Protobuf.Reflection;
using MatchEngine.Engine;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Api.Grpc;

/// <summary>
/// The id check every request goes through before its method runs: each top-level string field named <c>id</c>,
/// <c>*_id</c> or <c>version</c>, and each element of a repeated string field named <c>*_ids</c>, may hold at most
/// <see cref="ClientValue.MaxIdLength"/> characters (the data contract's limit). Found by protobuf reflection, so a
/// new method or field is covered without code. Records inside an Upsert are not top-level fields: the contract
/// validator rejects their ids per record.
/// </summary>
public static class RequestIds
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]> IdFields = new();

    /// <summary>Throws <see cref="InvalidRequestException"/> naming the first id field of <paramref name="request"/> that is too long.</summary>
    public static void Check(object request)
    {
        if (request is not IMessage message) return;
        foreach (var field in IdFields.GetOrAdd(message.Descriptor, Find))
        {
            if (field.IsRepeated)
            {
                foreach (var value in (IEnumerable<string>)field.Accessor.GetValue(message)) CheckLength(field.Name, value);
            }
            else
            {
                CheckLength(field.Name, (string)field.Accessor.GetValue(message));
            }
        }
    }

    private static void CheckLength(string field, string value)
    {
        if (value.Length > ClientValue.MaxIdLength)
            throw new InvalidRequestException(field, Dutch.TooLong(value.Length, ClientValue.MaxIdLength));
    }

    private static FieldDescriptor[] Find(MessageDescriptor descriptor) => descriptor.Fields.InFieldNumberOrder()
        .Where(f => f.FieldType == FieldType.String && !f.IsMap && (f.IsRepeated
            ? f.Name.EndsWith("_ids", StringComparison.Ordinal)
            : f.Name is "id" or "version" || f.Name.EndsWith("_id", StringComparison.Ordinal)))
        .ToArray();
}
