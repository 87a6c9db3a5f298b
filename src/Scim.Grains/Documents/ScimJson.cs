using System.Text.Encodings.Web;
using System.Text.Json;

namespace Scim.Grains.Documents;

/// <summary>How responses are serialized: JSON, not HTML, so '&amp;', quotes and non-ASCII letters are written as they are.</summary>
public static class ScimJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
