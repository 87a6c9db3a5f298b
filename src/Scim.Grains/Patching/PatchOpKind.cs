using Scim.Grains.Interfaces.Errors;

namespace Scim.Grains.Patching;

/// <summary>The three PATCH operations of RFC 7644 §3.5.2.</summary>
public enum PatchOpKind { Add, Replace, Remove }

public static class PatchOpKinds
{
    /// <summary>Reads an op name as the RFC spells it (Entra's capitals are lowered by <see cref="Deviations.EntraPatchOperations"/>).</summary>
    public static PatchOpKind Parse(string? op) => op switch
    {
        "add" => PatchOpKind.Add,
        "replace" => PatchOpKind.Replace,
        "remove" => PatchOpKind.Remove,
        _ => throw ScimException.InvalidSyntax($"Unknown PATCH op '{op}'; expected add, replace or remove."),
    };
}
