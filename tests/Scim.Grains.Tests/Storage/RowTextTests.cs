using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// A row read back from either store comes as its stored text in canonical order, with no tree built: a lookup's page or
/// an activating grain's row that is only rendered is written out from that text.
/// </summary>
public sealed class RowTextTests() : BothStoresTests("row-text")
{
    private const string Body = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "userName":"ada","externalId":"x-ada","name":{"givenName":"Ada","familyName":"Lovelace"},"displayName":"Ada & \"Co\"",
         "emails":[{"value":"ada@example.com","type":"work","primary":true}],"active":true,
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D","employeeNumber":"7"}}
        """;

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task ARowReadBack_IsItsStoredTextInCanonicalOrder_WithNoTreeBuilt(string kind)
    {
        var store = Store(kind);
        var user = StoredRows.Of(ResourceSchema.User, Tenant, "u-ada", Body);
        var written = JsonSerializer.Serialize(user.Document, ScimJson.Options);
        await store.InsertAsync(user, MembershipChange.None, null, CancellationToken.None);

        var byId = await store.GetAsync(Tenant, ResourceKind.User, "u-ada", CancellationToken.None);
        var page = await store.QueryAsync(Tenant, new StoreQuery(ResourceSchema.User, FilterParser.Parse("userName eq \"ADA\""), null, 1, 10),
            CancellationToken.None);

        foreach (var row in new[] { byId!, page.Resources.Single() })
        {
            Assert.NotNull(row.UnparsedJson);
            Assert.Equal(written, Encoding.UTF8.GetString(row.UnparsedJson));
            Assert.True(JsonNode.DeepEquals(user.Document, row.Document));
        }
    }
}
