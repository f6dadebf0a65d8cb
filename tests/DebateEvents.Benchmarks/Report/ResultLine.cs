using System.Globalization;

namespace DebateEvents.Benchmarks.Report;

/// <summary>One parsed <c>RESULT &lt;name&gt; key=value ...</c> line of a run.</summary>
internal sealed record ResultLine(string Name, string Text, IReadOnlyDictionary<string, string> Fields)
{
    public static ResultLine? Parse(string line)
    {
        if (!line.StartsWith("RESULT ", StringComparison.Ordinal))
        {
            return null;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var fields = words.Skip(2).Select(w => w.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
        return new ResultLine(words[1], line, fields);
    }

    public double? Number(string key) =>
        Fields.TryGetValue(key, out var value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
