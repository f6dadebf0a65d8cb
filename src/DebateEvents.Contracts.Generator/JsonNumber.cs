namespace DebateEvents.Contracts.Generator;

/// <summary>A JSON number kept as its source text, so it can be echoed into C# and JSON unchanged.</summary>
internal sealed class JsonNumber
{
    public JsonNumber(string text)
    {
        Text = text;
    }

    public string Text { get; }
}
