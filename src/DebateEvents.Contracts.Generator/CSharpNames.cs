using System.Linq;
using System.Text;

namespace DebateEvents.Contracts.Generator;

/// <summary>Turns Avro names into C# names: <c>zamaz.debate.events</c> into <c>Zamaz.Debate.Events</c>,
/// <c>debate_id</c> into <c>DebateId</c>, <c>NO_DECISION</c> into <c>NoDecision</c>.</summary>
internal static class CSharpNames
{
    public static string Namespace(string avroNamespace) =>
        string.Join(".", avroNamespace.Split('.').Select(Pascal));

    public static string Pascal(string name)
    {
        var allUpper = name.All(c => !char.IsLetter(c) || char.IsUpper(c));
        var builder = new StringBuilder();
        foreach (var part in name.Split(new[] { '_' }, System.StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = allUpper ? part.Substring(1).ToLowerInvariant() : part.Substring(1);
            builder.Append(char.ToUpperInvariant(part[0])).Append(rest);
        }

        return builder.Length == 0 ? "_" : builder.ToString();
    }

    public static string XmlEscape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
