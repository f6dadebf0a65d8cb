using System.Text;
using Confluent.Kafka;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>The SASL/PLAIN side of <see cref="AdminProtocolBroker"/>: the expected credentials and the two exchanges.</summary>
internal sealed class SaslPlainGate
{
    private (string User, string Password)? _expected;

    public bool Required => _expected is not null;

    public void Require(string user, string password) => _expected = (user, password);

    /// <summary>SaslHandshake v1: the mechanism the client asks for, answered with the one this broker offers.</summary>
    public static void Handshake(KafkaProtocolCodec.Reader reader, KafkaProtocolCodec.Writer writer)
    {
        var mechanism = reader.String();
        writer.Int16(mechanism == "PLAIN" ? (short)ErrorCode.NoError : (short)ErrorCode.UnsupportedSaslMechanism)
            .Array(["PLAIN"], (w, name) => w.String(name));
    }

    /// <summary>SaslAuthenticate v0/v1 carrying PLAIN's authorization id, user and password separated by NUL bytes.</summary>
    public void Authenticate(KafkaProtocolCodec.Reader reader, KafkaProtocolCodec.Writer writer, short apiVersion, BrokerConnection connection)
    {
        var parts = Encoding.UTF8.GetString(reader.Bytes()).Split('\0');
        var accepted = parts.Length == 3 && _expected is { } expected && parts[1] == expected.User && parts[2] == expected.Password;
        connection.Attempts.Enqueue(parts.Length == 3 ? parts[1] : "?");
        if (accepted)
        {
            connection.User = parts[1];
        }

        writer.Int16(accepted ? (short)ErrorCode.NoError : (short)ErrorCode.SaslAuthenticationFailed)
            .String(accepted ? null : "Authentication failed: invalid username or password")
            .Int32(0); // empty auth_bytes
        if (apiVersion >= 1)
        {
            writer.Int32(0).Int32(0); // session_lifetime_ms (int64): no re-authentication
        }
    }
}
