namespace Scim.Grains.Interfaces.Import;

/// <summary>What an import does with a row: the user is created, updated, deactivated or left as it is, or the row is refused.</summary>
public enum ImportAction
{
    Create,
    Update,
    Deactivate,
    Unchanged,
    Refused,
}
