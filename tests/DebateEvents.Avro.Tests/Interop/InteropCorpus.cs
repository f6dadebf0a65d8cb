namespace DebateEvents.Avro.Tests.Interop;

/// <summary>Schemas and values (in Avro's JSON encoding) covering every type, union branch kinds and edge values.
/// Longs stay within ±2^52 and floats are exactly representable, so the values also hold in JavaScript implementations.</summary>
internal static class InteropCorpus
{
    private const string Everything = """
        {"type":"record","name":"Everything","namespace":"interop","fields":[
          {"name":"e","type":{"type":"enum","name":"Suit","symbols":["SPADES","HEARTS"]}},
          {"name":"f","type":{"type":"fixed","name":"Four","size":4}},
          {"name":"u","type":["null","int","string","Four",{"type":"array","items":"Suit"},{"type":"map","values":"long"}]},
          {"name":"nested","type":{"type":"record","name":"Inner","fields":[{"name":"x","type":"int"}]}},
          {"name":"list","type":{"type":"array","items":"Inner"}},
          {"name":"opt","type":["null","Inner"],"default":null},
          {"name":"b","type":"boolean"},
          {"name":"d","type":"double"}]}
        """;

    private const string LinkedList = """{"type":"record","name":"Node","fields":[{"name":"v","type":"int"},{"name":"next","type":["null","Node"]}]}""";

    public static IReadOnlyList<(string Schema, string Json)> Cases { get; } =
    [
        ("\"null\"", "null"),
        ("\"boolean\"", "true"),
        ("\"boolean\"", "false"),
        ("\"int\"", "0"),
        ("\"int\"", "-1"),
        ("\"int\"", "2147483647"),
        ("\"int\"", "-2147483648"),
        ("\"long\"", "4503599627370496"),
        ("\"long\"", "-4503599627370496"),
        ("\"long\"", "64"),
        ("\"float\"", "1.5"),
        ("\"float\"", "-0.375"),
        ("\"float\"", "3.4028234663852886e38"),
        ("\"double\"", "3.141592653589793"),
        ("\"double\"", "-1e-300"),
        ("\"double\"", "1.7976931348623157e308"),
        ("\"bytes\"", "\"\\u0000\\u00ff\\u0080abc\""),
        ("\"bytes\"", "\"\""),
        ("\"string\"", "\"h\u00e9llo \u2713 \ud83d\ude00\""),
        ("\"string\"", "\"\""),
        ("{\"type\":\"array\",\"items\":\"long\"}", "[1,-2,300000000000]"),
        ("{\"type\":\"array\",\"items\":\"long\"}", "[]"),
        ("{\"type\":\"map\",\"values\":[\"null\",\"double\"]}", "{\"a\":null,\"b\":{\"double\":2.5}}"),
        ("{\"type\":\"map\",\"values\":\"string\"}", "{}"),
        (Everything, """{"e":"HEARTS","f":"ab\u00ffd","u":null,"nested":{"x":-5},"list":[],"opt":null,"b":true,"d":0.5}"""),
        (Everything, """{"e":"SPADES","f":"abcd","u":{"int":5},"nested":{"x":0},"list":[{"x":1},{"x":2}],"opt":{"interop.Inner":{"x":7}},"b":false,"d":-2}"""),
        (Everything, """{"e":"SPADES","f":"abcd","u":{"string":"s"},"nested":{"x":0},"list":[],"opt":null,"b":false,"d":1e10}"""),
        (Everything, """{"e":"SPADES","f":"abcd","u":{"interop.Four":"wxyz"},"nested":{"x":0},"list":[],"opt":null,"b":false,"d":0}"""),
        (Everything, """{"e":"SPADES","f":"abcd","u":{"array":["HEARTS","SPADES"]},"nested":{"x":0},"list":[],"opt":null,"b":false,"d":0}"""),
        (Everything, """{"e":"SPADES","f":"abcd","u":{"map":{"k":-1,"":123456789012}},"nested":{"x":0},"list":[],"opt":null,"b":false,"d":0}"""),
        (LinkedList, """{"v":1,"next":{"Node":{"v":2,"next":{"Node":{"v":3,"next":null}}}}}"""),
    ];
}
