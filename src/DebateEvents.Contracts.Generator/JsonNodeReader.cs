using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DebateEvents.Contracts.Generator;

/// <summary>
/// A small JSON reader for .avsc files (System.Text.Json is not available to netstandard2.0 analyzers without
/// shipping it). Objects become dictionaries in document order, arrays lists, numbers their source text.
/// </summary>
internal sealed class JsonNodeReader
{
    private readonly string _text;
    private int _position;

    private JsonNodeReader(string text)
    {
        _text = text;
    }

    public static object? Parse(string text)
    {
        var reader = new JsonNodeReader(text);
        var value = reader.ReadValue();
        reader.SkipWhitespace();
        if (reader._position != text.Length)
        {
            throw reader.Error("Unexpected text after the JSON value");
        }

        return value;
    }

    private object? ReadValue()
    {
        SkipWhitespace();
        if (_position >= _text.Length)
        {
            throw Error("Unexpected end of JSON");
        }

        switch (_text[_position])
        {
            case '{': return ReadObject();
            case '[': return ReadArray();
            case '"': return ReadString();
            case 't': Expect("true"); return true;
            case 'f': Expect("false"); return false;
            case 'n': Expect("null"); return null;
            default: return ReadNumber();
        }
    }

    private Dictionary<string, object?> ReadObject()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            var key = ReadString();
            SkipWhitespace();
            Consume(':');
            result[key] = ReadValue();
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Consume('}');
            return result;
        }
    }

    private List<object?> ReadArray()
    {
        var result = new List<object?>();
        _position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return result;
        }

        while (true)
        {
            result.Add(ReadValue());
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Consume(']');
            return result;
        }
    }

    private string ReadString()
    {
        Consume('"');
        var builder = new StringBuilder();
        while (_position < _text.Length && _text[_position] != '"')
        {
            var c = _text[_position++];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var escaped = _text[_position++];
            switch (escaped)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u':
                    builder.Append((char)int.Parse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _position += 4;
                    break;
                default: builder.Append(escaped); break;
            }
        }

        Consume('"');
        return builder.ToString();
    }

    private JsonNumber ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        return _position > start ? new JsonNumber(_text.Substring(start, _position - start)) : throw Error("Unexpected character");
    }

    private void Expect(string literal)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error($"Expected '{literal}'");
        }

        _position += literal.Length;
    }

    private void Consume(char c)
    {
        if (Peek() != c)
        {
            throw Error($"Expected '{c}'");
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private FormatException Error(string message) => new FormatException($"{message} at character {_position}.");
}
