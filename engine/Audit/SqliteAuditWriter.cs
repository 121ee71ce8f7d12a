using System.Text.Json;
using MatchEngine.Engine.Persistence;
using Microsoft.Data.Sqlite;

namespace MatchEngine.Engine.Audit;

/// <summary>
/// The SQLite trail's one writer: an unpooled connection of its own, with SQLite's automatic checkpoint off (see
/// <see cref="SqliteAuditLog"/>), and its two insert statements prepared once. One row per call in
/// <c>audit_calls</c>, and the call's candidates as words of the full-text index <c>audit_calls_by_candidate</c>
/// under the call's row id. Not thread-safe: the group commit's one writer at a time uses it.
/// </summary>
internal sealed class SqliteAuditWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _call;
    private readonly SqliteParameter[] _callValues;
    private readonly SqliteCommand _words;
    private readonly SqliteParameter _wordsCall;
    private readonly SqliteParameter _wordsText;

    public SqliteAuditWriter(string connectionString)
    {
        _connection = StoreConnections.Open(connectionString);
        using (var pragma = _connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA wal_autocheckpoint=0;";
            pragma.ExecuteNonQuery();
        }
        _call = _connection.CreateCommand();
        _call.CommandText = """
            INSERT INTO audit_calls(at, user, role, action, purpose, subject, candidates)
            VALUES ($at, $user, $role, $action, $purpose, $subject, $candidates) RETURNING seq
            """;
        _callValues = [.. new[] { "$at", "$user", "$role", "$action", "$purpose", "$subject", "$candidates" }.Select(n => _call.Parameters.Add(n, SqliteType.Text))];
        _words = _connection.CreateCommand();
        _words.CommandText = "INSERT INTO audit_calls_by_candidate(rowid, words) VALUES ($call, $words)";
        _wordsCall = _words.Parameters.Add("$call", SqliteType.Integer);
        _wordsText = _words.Parameters.Add("$words", SqliteType.Text);
    }

    /// <summary>Writes the calls in one transaction, committed (and flushed) before it returns.</summary>
    public void Write(IReadOnlyList<AuditCall> calls)
    {
        using var tx = _connection.BeginTransaction();
        _call.Transaction = tx;
        _words.Transaction = tx;
        foreach (var call in calls)
        {
            _callValues[0].Value = SqliteAuditLog.FormatTime(call.At);
            _callValues[1].Value = call.User;
            _callValues[2].Value = call.Role;
            _callValues[3].Value = call.Action;
            _callValues[4].Value = call.Purpose;
            _callValues[5].Value = (object?)call.Subject ?? DBNull.Value;
            _callValues[6].Value = JsonSerializer.Serialize(call.CandidateIds);
            var seq = (long)_call.ExecuteScalar()!;
            var words = CandidateTokens.Of(call.CandidateIds);
            if (words.Length == 0) continue;
            _wordsCall.Value = seq;
            _wordsText.Value = words;
            _words.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public void Dispose()
    {
        _call.Dispose();
        _words.Dispose();
        _connection.Dispose();
    }
}
