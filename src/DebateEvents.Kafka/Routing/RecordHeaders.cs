using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace DebateEvents.Kafka.Routing;

/// <summary>
/// Kafka headers as the rider reads and writes them: values are UTF-8 text, numbers invariant decimal
/// text, and when a name repeats the last value wins. A record without headers reads as having none.
/// </summary>
internal static class RecordHeaders
{
    /// <summary>The raw last value of <paramref name="name"/>; false, with an empty array, when the record has none.</summary>
    public static bool TryGetBytes(this Headers? headers, string name, out byte[] bytes)
    {
        if (headers is not null && headers.TryGetLastBytes(name, out bytes))
        {
            return true;
        }

        bytes = [];
        return false;
    }

    /// <summary>The last value of <paramref name="name"/> as text, or null when the record has none.</summary>
    public static string? GetText(this Headers? headers, string name) =>
        headers.TryGetBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The value of one header as text.</summary>
    public static string GetText(this IHeader header) => Encoding.UTF8.GetString(header.GetValueBytes());

    /// <summary>The last value of <paramref name="name"/> as an integer, or null when it is missing or not one.</summary>
    public static long? GetNumber(this Headers? headers, string name) =>
        headers.TryGetBytes(name, out var bytes) && long.TryParse(bytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>A new header list with every header of <paramref name="source"/>, in order, except those named in <paramref name="except"/>.</summary>
    public static Headers CopyExcept(this Headers? source, params ReadOnlySpan<string> except)
    {
        var copy = new Headers();
        foreach (var header in source ?? [])
        {
            if (!except.Contains(header.Key))
            {
                copy.Add(header.Key, header.GetValueBytes());
            }
        }

        return copy;
    }

    /// <summary>Appends <paramref name="value"/> as UTF-8 text.</summary>
    public static void AddText(this Headers headers, string name, string value) => headers.Add(name, Encoding.UTF8.GetBytes(value));

    /// <summary>Appends <paramref name="value"/> as invariant decimal text.</summary>
    public static void AddNumber(this Headers headers, string name, long value) =>
        headers.AddText(name, value.ToString(CultureInfo.InvariantCulture));
}
