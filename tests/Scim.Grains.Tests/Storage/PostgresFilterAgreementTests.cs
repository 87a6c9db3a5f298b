using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage.Postgres;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// The PostgreSQL store's SQL filters agree with the in-memory evaluator: the same resources in both stores, the same
/// filter, the same ids in the same order. One shared data set covers case rules, types, multi-valued and complex
/// attributes, value paths, extensions, meta and group members; sorts agree the same way.
/// </summary>
public sealed class PostgresFilterAgreementTests(PostgresFilterAgreementTests.Stores stores) : IClassFixture<PostgresFilterAgreementTests.Stores>
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public static TheoryData<string> UserFilters => new()
    {
        "userName eq \"ALICE@example.com\"",
        "userName ne \"alice@example.com\"",
        "userName co \"EXAMPLE\"",
        "userName sw \"b\"",
        "userName ew \".org\"",
        "userName gt \"bob\"",
        "userName le \"bob@example.org\"",
        "externalId eq \"ext-1\"",
        "externalId eq \"EXT-1\"",
        "externalId pr",
        "not (externalId pr)",
        "externalId eq null",
        "externalId ne null",
        "id eq \"u2\"",
        "displayName eq \"carol c\"",
        "displayName co \"C\"",
        "name.givenName eq \"alice\"",
        "name.familyName sw \"Sm\" or name.givenName ew \"l\"",
        "name.familyName pr",
        "title pr and not (title eq \"\")",
        "active eq true",
        "active eq false",
        "active ne true",
        "emails pr",
        "emails co \"corp\"",
        "emails.value ew \"example.com\"",
        "emails.type eq \"home\"",
        "emails[type eq \"work\" and value co \"alice\"]",
        "emails[type eq \"work\" or primary eq true]",
        "emails[not (type eq \"work\")]",
        "emails[display pr]",
        "emails ne \"alice@corp.example\"",
        "phoneNumbers[type eq \"mobile\"] and userName sw \"a\"",
        "addresses.locality eq \"Berlin\"",
        "x509Certificates pr",
        $"{Enterprise}:employeeNumber eq \"1001\"",
        $"{Enterprise}:employeeNumber gt \"1001\"",
        $"{Enterprise}:manager.value eq \"u1\"",
        $"{Enterprise}:department pr",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"c\"",
        "meta.created gt \"2026-01-02T00:00:00Z\"",
        "meta.created le \"2026-01-02T00:00:00Z\"",
        "meta.lastModified ge \"2026-01-03T00:00:00Z\"",
        "meta.resourceType eq \"User\"",
        "meta.version eq \"W/\\\"1\\\"\"",
        "(userName sw \"a\" or userName sw \"b\") and not (active eq false)",
        "userName sw \"a\" or userName sw \"b\" and active eq false",
        "not (emails[type eq \"home\"] or phoneNumbers pr)",
        // Case ignored by lower case, on both stores: the Kelvin sign, the Greek final sigma, '_' ordered before letters.
        "userName eq \"kelvin\"",
        "userName sw \"KEL\"",
        "title eq \"\u03B1\u03C3\"",
        "title eq \"\u03B1\u03C2\"",
        "userName lt \"ab\"",
        "userName gt \"A_\"",
    };

    /// <summary>User.groups: g2 sits under g1 and u4 is a manual member of g3 (see the data set).</summary>
    public static TheoryData<string> UserGroupFilters => new()
    {
        "groups.value eq \"g1\"",
        "groups.value eq \"g2\"",
        "groups.value eq \"G1\"",
        "groups[type eq \"indirect\"]",
        "groups[value eq \"g1\" and type eq \"direct\"]",
        "groups.display co \"eng\"",
        "groups pr",
        "not (groups pr)",
        "groups.value eq \"g3\" or userName eq \"abe@example.com\"",
        "groups.value ne \"g1\"",
    };

    public static TheoryData<string> GroupFilters => new()
    {
        "displayName eq \"ENGINEERING\"",
        "displayName co \"ing\"",
        "members pr",
        "not (members pr)",
        "members.value eq \"u1\"",
        "members[value eq \"u2\"]",
        "members[display eq \"Bob\"]",
        "members.display co \"ali\"",
        "members eq \"u3\"",
        "members ne \"u1\"",
    };

    public static TheoryData<string, string?> UserSorts => new()
    {
        { "userName", null },
        { "userName", "descending" },
        { "externalId", null },
        { "displayName", "descending" },
        { "name.givenName", null },
        { "name.familyName", "descending" },
        { "title", null },
        { "active", null },
        { "active", "descending" },
        { "emails", null },
        { "emails.type", "descending" },
        { "phoneNumbers.value", null },
        { $"{Enterprise}:employeeNumber", null },
        { $"{Enterprise}:manager.value", "descending" },
        { "meta.created", "descending" },
        { "meta.lastModified", null },
        { "id", "descending" },
    };

    [Theory]
    [MemberData(nameof(UserSorts))]
    public async Task UserSort_SameOrderInBothStores(string sortBy, string? sortOrder)
    {
        var query = new StoreQuery(ResourceSchema.User, null, SortSpec.Parse(sortBy, sortOrder, ResourceSchema.User), 1, 100);

        var expected = await stores.InMemory.QueryAsync(Stores.Tenant, query, CancellationToken.None);
        var actual = await stores.Postgres.QueryAsync(Stores.Tenant, query, CancellationToken.None);

        Assert.Equal(expected.Resources.Select(r => r.Id), actual.Resources.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(UserFilters))]
    public Task UserFilter_SameIdsInBothStores(string filter) => AssertAgreementAsync(ResourceKind.User, filter);

    [Theory]
    [MemberData(nameof(UserGroupFilters))]
    public Task UserGroupsFilter_SameIdsInBothStores(string filter) => AssertAgreementAsync(ResourceKind.User, filter);

    [Theory]
    [MemberData(nameof(GroupFilters))]
    public Task GroupFilter_SameIdsInBothStores(string filter) => AssertAgreementAsync(ResourceKind.Group, filter);

    private async Task AssertAgreementAsync(ResourceKind kind, string text)
    {
        var filter = FilterParser.Parse(text);
        FilterValidator.Validate(filter, ResourceSchema.For(kind));

        var query = new StoreQuery(ResourceSchema.For(kind), filter, null, 1, 100);
        var expected = await stores.InMemory.QueryAsync(Stores.Tenant, query, CancellationToken.None);
        var actual = await stores.Postgres.QueryAsync(Stores.Tenant, query, CancellationToken.None);

        Assert.Equal(expected.Resources.Select(r => r.Id), actual.Resources.Select(r => r.Id));
        Assert.Equal(expected.TotalResults, actual.TotalResults);
    }

    /// <summary>The same users and groups, written once into each store.</summary>
    public sealed class Stores : IAsyncLifetime
    {
        public const string Tenant = "agreement";

        private MigratedDatabase? database;

        public InMemoryResourceStore InMemory { get; } = new();

        public PostgresResourceStore Postgres { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            database = await MigratedDatabase.CreateAsync();
            Postgres = database.Store();
            var day = 0;
            foreach (var (id, json) in Users)
                await InsertAsync(Resource(ResourceSchema.User, id, json, ++day), MembershipChange.None);
            foreach (var (id, json, members) in Groups)
                await InsertAsync(Resource(ResourceSchema.Group, id, json, ++day), new MembershipChange(true, members, []));
            foreach (var store in new (IGroupTreeStore Tree, IMembershipStore Memberships)[] { (InMemory, InMemory), (Postgres, Postgres) })
            {
                await store.Tree.MoveGroupAsync(Tenant, "g2", "g1", CancellationToken.None);
                Assert.True(await store.Memberships.AddManualMemberAsync(Tenant, "g3", "u4", CancellationToken.None));
            }
        }

        public async Task DisposeAsync()
        {
            if (database is not null) await database.DisposeAsync();
        }

        private async Task InsertAsync(StoredResource resource, MembershipChange members)
        {
            await InMemory.InsertAsync(resource, members, null, CancellationToken.None);
            await Postgres.InsertAsync(resource, members, null, CancellationToken.None);
        }

        private static StoredResource Resource(ResourceSchema schema, string id, string json, int day)
        {
            var created = new DateTimeOffset(2026, 1, day, 0, 0, 0, TimeSpan.Zero);
            return StoredRows.Of(schema, Tenant, id, json, created: created, lastModified: created.AddDays(1));
        }

        private static readonly (string Id, string Json)[] Users =
        [
            ("u1", """
                {"userName":"alice@example.com","externalId":"ext-1","name":{"givenName":"Alice","familyName":"Smith"},
                 "displayName":"Alice S","active":true,"title":"Engineer",
                 "emails":[{"value":"alice@corp.example","type":"work","primary":true},{"value":"alice@example.com","type":"home"}],
                 "phoneNumbers":[{"value":"+1 555","type":"mobile"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"1001","department":"R&D"}}
                """),
            ("u2", """
                {"userName":"bob@example.org","name":{"givenName":"Bob","familyName":"Smythe"},"displayName":"Bob B","active":false,
                 "title":"","emails":[{"value":"bob@example.org","type":"work","display":"Bob at work"}],
                 "addresses":[{"locality":"Berlin","type":"work"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"1002","manager":{"value":"u1"}}}
                """),
            ("u3", """
                {"userName":"Carol","externalId":"EXT-3","displayName":"Carol C","active":true,
                 "emails":[{"value":"carol@corp.example","type":"home","primary":true}],
                 "x509Certificates":[{"value":"MIIB"}]}
                """),
            ("u4", """{"userName":"dave@example.com","name":{"givenName":"Daniel"}}"""),
            ("u5", """{"userName":"abe@example.com","active":true,"phoneNumbers":[{"value":"+49 30","type":"work"}]}"""),
            ("u6", """{"userName":"\u212Aelvin","title":"\u03B1\u03C2"}"""),
            ("u7", """{"userName":"a_z@example.com"}"""),
        ];

        private static readonly (string Id, string Json, GroupMember[] Members)[] Groups =
        [
            ("g1", """{"displayName":"Engineering"}""", [new("u1", "Alice"), new("u2", "Bob")]),
            ("g2", """{"displayName":"Sales"}""", [new("u3", null)]),
            ("g3", """{"displayName":"Empty thing"}""", []),
        ];
    }
}
