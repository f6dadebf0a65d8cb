namespace DebateEvents.Avro.Schemas;

/// <summary>An enum schema: a value is written as the zero-based index of its symbol.</summary>
internal sealed class EnumSchema : NamedSchema
{
    private readonly Dictionary<string, int> _indexBySymbol;

    internal EnumSchema(SchemaName name, IReadOnlyList<string> aliases, string? doc, IReadOnlyList<string> symbols, string? defaultSymbol)
        : base(name, aliases, doc)
    {
        Symbols = symbols;
        Default = defaultSymbol;
        _indexBySymbol = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < symbols.Count; i++)
        {
            _indexBySymbol[symbols[i]] = i;
        }
    }

    /// <inheritdoc />
    internal override AvroType Type => AvroType.Enum;

    /// <summary>The symbols in index order.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>The symbol a reader uses when the writer's symbol is unknown to it; null when there is none.</summary>
    public string? Default { get; }

    /// <summary>Returns the index of <paramref name="symbol"/>, or -1 when the enum does not declare it.</summary>
    /// <param name="symbol">A symbol name, compared ordinally.</param>
    /// <returns>The zero-based index written on the wire, or -1.</returns>
    public int IndexOf(string symbol) => _indexBySymbol.TryGetValue(symbol, out var index) ? index : -1;
}
