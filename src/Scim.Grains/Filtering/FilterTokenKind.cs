namespace Scim.Grains.Filtering;

public enum FilterTokenKind { Word, QuotedString, OpenParen, CloseParen, OpenBracket, CloseBracket, End }
