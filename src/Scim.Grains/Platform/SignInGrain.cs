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
/// Finds who signs in (<see cref="ISignInGrain"/>): the user whose userName is the login, else the one user whose
/// primary e-mail it is, both in any case. Stateless: the account of the user found decides, one sign-in at a time.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class SignInGrain(IResourceStore store) : Grain, ISignInGrain
{
    private string Tenant => this.GetPrimaryKeyString();

    public async Task<SignInDecision> SignInAsync(string login, string password)
    {
        var userName = UniqueNames.Attribute(ResourceKind.User);
        var primaryEmail = new ValuePath(new AttrPath(null, "emails", null),
            new And(Filters.Eq("value", LiteralKind.String, login), Filters.Eq("primary", LiteralKind.Boolean, "true")));
        var found = await store.QueryAsync(Tenant, new StoreQuery(ResourceSchema.User, new Or(Filters.Eq(userName, LiteralKind.String, login), primaryEmail),
            null, 1, 2), CancellationToken.None);
        var byUserName = found.Resources.FirstOrDefault(u => string.Equals(ResourceDocument.GetString(u.Document, userName), login, StringComparison.OrdinalIgnoreCase));
        // Two users sharing a primary e-mail, neither named by it: which one is meant cannot be told, so neither signs in.
        var user = byUserName ?? (found.Resources.Count == 1 ? found.Resources[0] : null);
        if (user is null)
        {
            PasswordHashes.Verify(null, password); // an unknown login costs what a wrong password costs
            return new SignInDecision(SignInOutcome.UnknownUser, null, false);
        }
        return await GrainFactory.Grain<IAccountGrain>(ResourceKeys.Of(Tenant, user.Id)).SignInAsync(password);
    }
}
