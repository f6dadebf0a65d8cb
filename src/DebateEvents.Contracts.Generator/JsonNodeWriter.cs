using System.Collections.Generic;
using System.Text;

namespace DebateEvents.Contracts.Generator;

/// <summary>Writes parsed JSON back compactly, for the schema text embedded in each generated type.</summary>
internal static class JsonNodeWriter
{
    public static string Write(object? node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    public static string Quote(string value)
    {
        var builder = new StringBuilder();
        WriteString(value, builder);
        return builder.ToString();
    }

    private static void Write(object? node, StringBuilder builder)
    {
        switch (node)
        {
            case null: builder.Append("null"); break;
            case bool b: builder.Append(b ? "true" : "false"); break;
            case JsonNumber n: builder.Append(n.Text); break;
            case string s: WriteString(s, builder); break;
            case List<object?> list:
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    Write(list[i], builder);
                }

                builder.Append(']');
                break;
            case Dictionary<string, object?> map:
                builder.Append('{');
                var first = true;
                foreach (var pair in map)
                {
                    builder.Append(first ? "" : ",");
                    first = false;
                    WriteString(pair.Key, builder);
                    builder.Append(':');
                    Write(pair.Value, builder);
                }

                builder.Append('}');
                break;
        }
    }

    private static void WriteString(string value, StringBuilder builder)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
