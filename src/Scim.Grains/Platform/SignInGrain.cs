using Orleans.Concurrency;
using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rules;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Platform;

/// <summary>
/// Finds who signs in (<see cref="ISignInGrain"/>). With a password: the user whose userName is the login, else the one
/// user whose primary e-mail it is, both in any case; that user's account decides, one sign-in at a time, unless the
/// tenant signs in through its identity provider only and the user is not its owner. Through the identity provider:
/// the one active user whose matching attribute holds the claim's value. Stateless.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class SignInGrain(IResourceStore store) : Grain, ISignInGrain
{
    private static readonly AttrPath EmailValue = new(null, "emails", null);

    private string Tenant => this.GetPrimaryKeyString();

    public async Task<SignInDecision> SignInAsync(string login, string password)
    {
        var userName = UniqueNames.Attribute(ResourceKind.User);
        var found = await FindAsync(new Or(Filters.Eq(userName, LiteralKind.String, login), PrimaryEmail(login)));
        var byUserName = found.FirstOrDefault(u => SameText(ResourceDocument.GetString(u.Document, userName), login));
        // Two users sharing a primary e-mail, neither named by it: which one is meant cannot be told, so neither signs in.
        var user = byUserName ?? (found.Count == 1 ? found[0] : null);
        var ssoOnly = await GrainFactory.Grain<ISingleSignOnGrain>(Tenant).GetAsync() is { Verified: true, Configuration.SsoOnly: true };
        if (user is null || (ssoOnly && user.Role != PlatformRole.Owner))
        {
            PasswordHashes.Verify(null, password); // an unknown login costs what a wrong password costs
            return new SignInDecision(ssoOnly ? SignInOutcome.SsoRequired : SignInOutcome.UnknownUser, null, false);
        }
        return await GrainFactory.Grain<IAccountGrain>(ResourceKeys.Of(Tenant, user.Id)).SignInAsync(password);
    }

    public async Task<SignInDecision> SignInWithIdentityAsync(string claimValue, string? email)
    {
        if (await GrainFactory.Grain<ISingleSignOnGrain>(Tenant).GetAsync() is not { } sso) return Refused(SignInOutcome.UnknownUser);
        if (!SsoRules.DomainAllowed(sso.Configuration.AllowedEmailDomains, email)) return Refused(SignInOutcome.DomainNotAllowed);
        var found = sso.Configuration.MatchAttribute switch
        {
            SsoMatchAttribute.UserName => await FindAsync(Filters.Eq(UniqueNames.Attribute(ResourceKind.User), LiteralKind.String, claimValue)),
            SsoMatchAttribute.ExternalId => await FindAsync(Filters.Eq("externalId", LiteralKind.String, claimValue)),
            _ => await FindByEmailAsync(claimValue),
        };
        if (found.Count > 1) return Refused(SignInOutcome.Ambiguous);
        if (found.Count == 0) return Refused(SignInOutcome.UnknownUser);
        return ResourceDocument.IsDeactivated(found[0].Document)
            ? Refused(SignInOutcome.Inactive)
            : new SignInDecision(SignInOutcome.SignedIn, found[0].Id, false);
    }

    /// <summary>The one user whose primary e-mail is the address, else the one user who has it at all.</summary>
    private async Task<IReadOnlyList<StoredResource>> FindByEmailAsync(string address)
    {
        var withAddress = await FindAsync(new ValuePath(EmailValue, Filters.Eq("value", LiteralKind.String, address)));
        var primary = withAddress.Where(u => SameText(ResourceDocument.PrimaryEmail(u.Document), address)).ToList();
        return primary.Count > 0 ? primary : withAddress;
    }

    /// <summary>Whether a user's value is the login as the store's filter compared it (neither name is case-exact).</summary>
    private static bool SameText(string? value, string login) => value is not null && CaseInsensitiveText.Satisfies(value, CompareOp.Eq, login);

    private static ValuePath PrimaryEmail(string address) =>
        new(EmailValue, new And(Filters.Eq("value", LiteralKind.String, address), Filters.Eq("primary", LiteralKind.Boolean, "true")));

    /// <summary>Up to two users the filter matches: enough to tell one from several.</summary>
    private async Task<IReadOnlyList<StoredResource>> FindAsync(FilterNode filter) =>
        (await store.QueryAsync(Tenant, new StoreQuery(ResourceSchema.User, filter, null, 1, 2), CancellationToken.None)).Resources;

    private static SignInDecision Refused(SignInOutcome outcome) => new(outcome, null, false);
}
