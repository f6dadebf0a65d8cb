using System.Diagnostics.CodeAnalysis;
using DebateEvents.Kafka.Routing;
using MassTransit.Transports;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// MassTransit's view of a record's headers, read straight from the Kafka headers on each lookup
/// (last value wins, names case-insensitive): most records are asked for one or two headers, so
/// building a dictionary of all of them per record would cost more than it saves.
/// </summary>
internal sealed class RecordHeaderProvider : IHeaderProvider
{
    private readonly Confluent.Kafka.Headers? _headers;

    public RecordHeaderProvider(Confluent.Kafka.Headers? headers)
    {
        _headers = headers;
    }

    public IEnumerable<KeyValuePair<string, object>> GetAll()
    {
        if (_headers is null)
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = _headers.Count - 1; i >= 0; i--)
        {
            var header = _headers[i];
            if (seen.Add(header.Key))
            {
                yield return new KeyValuePair<string, object>(header.Key, header.GetText());
            }
        }
    }

    public bool TryGetHeader(string key, [NotNullWhen(true)] out object? value)
    {
        if (_headers is not null)
        {
            for (var i = _headers.Count - 1; i >= 0; i--)
            {
                var header = _headers[i];
                if (string.Equals(header.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    value = header.GetText();
                    return true;
                }
            }
        }

        value = null;
        return false;
    }
}
