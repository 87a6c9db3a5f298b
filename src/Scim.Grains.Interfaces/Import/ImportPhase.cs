namespace Scim.Grains.Interfaces.Import;

/// <summary>Where an import job stands: its rows being checked, checked (waiting for the admin), being applied, done, or failed.</summary>
public enum ImportPhase
{
    Checking,
    Checked,
    Applying,
    Done,
    Failed,
}
