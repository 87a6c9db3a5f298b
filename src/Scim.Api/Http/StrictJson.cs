using System.Text;
using System.Text.Json;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Text;

namespace Scim.Api.Http;

/// <summary>
/// The one gate every request body passes before anything reads it: well-formed UTF-8 JSON no deeper than
/// <see cref="MaxDepth"/>, no object with a member name twice (in any case: SCIM names are case-insensitive, so a
/// second "userName" would silently win or lose), no lone UTF-16 surrogate in an escape, no control character other
/// than tab, line feed and carriage return, and no string longer than <see cref="MaxStringLength"/>. What passes can be
/// stored by either backend; what fails is a 400 here, before a grain or the database sees it.
/// </summary>
public static class StrictJson
{
    public const int MaxDepth = 32;

    /// <summary>The longest string value or member name, in UTF-16 code units (64 Ki).</summary>
    public const int MaxStringLength = 64 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Checks a body and returns it as text; a 400 SCIM error says what is wrong and where.</summary>
    public static string Read(ReadOnlySpan<byte> utf8)
    {
        string text;
        try
        {
            text = Utf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            throw ScimException.InvalidSyntax("The request body is not valid UTF-8.");
        }
        Check(utf8);
        return text;
    }

    private static void Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        // One set of member names per open object; arrays push null.
        var names = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = CheckedString(ref reader);
                        if (!names.Peek()!.Add(name))
                            throw ScimException.InvalidSyntax($"The member '{Shown(name)}' appears twice in one object (names are case-insensitive); send it once.");
                        break;
                    case JsonTokenType.String:
                        CheckedString(ref reader);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw ScimException.InvalidSyntax($"The request body is not valid JSON: {e.Message}");
        }
    }

    private static string CheckedString(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxStringLength * 6L || (!reader.ValueIsEscaped && length > MaxStringLength * 3L))
            throw TooLong();
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw ScimException.InvalidSyntax("The request body holds a string with a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape); send well-formed Unicode.");
        }
        if (value.Length > MaxStringLength) throw TooLong();
        if (AcceptedText.FirstRejected(value) is var at and >= 0)
        {
            var reason = $"A string in the request body holds {AcceptedText.Describe(value, at)}.";
            throw char.IsSurrogate(value[at]) ? ScimException.InvalidSyntax(reason) : ScimException.InvalidValue(reason);
        }
        return value;
    }

    private static ScimException TooLong() =>
        ScimException.InvalidValue($"A string in the request body is longer than {MaxStringLength} characters.");

    /// <summary>A name as an error message may quote it: short, on one line.</summary>
    private static string Shown(string name) => name.Length > 100 ? name[..100] + "..." : name;
}
