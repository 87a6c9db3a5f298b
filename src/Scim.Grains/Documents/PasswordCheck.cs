namespace Scim.Grains.Documents;

/// <summary>The outcome of checking a password against a stored hash.</summary>
public enum PasswordCheck { Failed, Matches, RehashNeeded }
