using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rendering;
using Scim.Grains.Rules;
using Scim.Grains.Schemas;

namespace Scim.Grains.Storage;

/// <summary>
/// The single-node store: the same contract as the PostgreSQL store, kept in process memory. Each tenant's data
/// sits behind one lock, so a write (row, unique keys, memberships and the group tree together) is atomic, as a
/// transaction is, and a move's cycle check and the move are one step.
/// </summary>
public sealed class InMemoryResourceStore : IResourceStore, IMembershipStore, IGroupTreeStore, IOutboxStore
{
    private readonly ConcurrentDictionary<string, TenantData> tenants = new(StringComparer.Ordinal);
    private readonly InMemoryOutbox outbox = new();

    public Task<StoredResource?> GetAsync(string tenant, ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data) return Task.FromResult(data.Rows(kind).GetValueOrDefault(id)?.Unpack(tenant, kind));
    }

    public Task<(StoredResource? User, IReadOnlyList<UserGroup> Groups)> GetUserWithGroupsAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data)
        {
            var user = data.Rows(ResourceKind.User).GetValueOrDefault(id)?.Unpack(tenant, ResourceKind.User);
            return Task.FromResult<(StoredResource?, IReadOnlyList<UserGroup>)>((user, user is null ? [] : GroupsOf(data, id)));
        }
    }

    public Task<IReadOnlyDictionary<string, StoredResource>> FindUsersAsync(string tenant, IReadOnlyCollection<string> userNames,
        CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        var found = new Dictionary<string, StoredResource>(StringComparer.Ordinal);
        lock (data)
        {
            foreach (var userName in userNames)
            {
                if (data.Keys(ResourceKind.User).TryGetValue(UniqueNames.Key(userName), out var id))
                    found[userName] = data.Rows(ResourceKind.User)[id].Unpack(tenant, ResourceKind.User);
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, StoredResource>>(found);
    }

    public Task InsertAsync(StoredResource resource, MembershipChange members, OutboxMessage? mail, CancellationToken cancellationToken)
    {
        var data = Data(resource.Tenant);
        lock (data)
        {
            var rows = data.Rows(resource.Kind);
            if (rows.ContainsKey(resource.Id)) throw StoreErrors.IdTaken(resource.Kind, resource.Id);
            RefuseGroupMembers(data, members);
            ClaimUniqueKey(data, resource, previous: null);
            var packed = PackedResource.Of(resource) with { Sequence = data.AppendToOrder(resource.Kind, resource.Id) };
            rows[resource.Id] = packed;
            data.MoveExternalId(resource.Kind, resource.Id, null, packed.ExternalId);
            if (resource.Kind == ResourceKind.Group) data.Tree.Add(resource.Id);
            ApplyMembers(data, resource.Id, members);
            if (mail is not null) outbox.Add(mail);
        }
        return Task.CompletedTask;
    }

    public Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        outbox.Add(message);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, MailState>> LatestAsync(string tenant, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        Task.FromResult(outbox.Latest(tenant, userIds));

    public Task<IReadOnlyList<OutboxMessage>> ClaimAsync(int max, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        Task.FromResult(outbox.Claim(max, now, leaseUntil));

    public Task<OutboxBacklog> BacklogAsync(CancellationToken cancellationToken) => Task.FromResult(outbox.Backlog());

    public Task MarkSentAsync(OutboxMessage message, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        outbox.Update(message, e => (e.Status, e.At, e.LeaseUntil, e.Error) = (MailStatus.Sent, sentAt, null, null));
        return Task.CompletedTask;
    }

    public Task RetryAsync(OutboxMessage message, DateTimeOffset due, string error, CancellationToken cancellationToken)
    {
        outbox.Update(message, e => (e.Due, e.LeaseUntil, e.Error) = (due, null, error));
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(IReadOnlyList<OutboxMessage> messages, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            outbox.Update(message, e =>
            {
                if (e.LeaseUntil == leaseUntil) (e.LeaseUntil, e.Message) = (null, e.Message with { Attempts = e.Message.Attempts - 1 });
            });
        }
        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(OutboxMessage message, DateTimeOffset failedAt, string error, CancellationToken cancellationToken)
    {
        outbox.Update(message, e => (e.Status, e.At, e.LeaseUntil, e.Error) = (MailStatus.Failed, failedAt, null, error));
        return Task.CompletedTask;
    }

    public Task UpdateAsync(StoredResource resource, long expectedVersion, MembershipChange members, CancellationToken cancellationToken)
    {
        var data = Data(resource.Tenant);
        lock (data)
        {
            var rows = data.Rows(resource.Kind);
            var current = rows.GetValueOrDefault(resource.Id);
            if (current is null || current.Version != expectedVersion)
                throw StoreErrors.ConcurrentChange(resource.Kind, resource.Id);
            RefuseGroupMembers(data, members);
            ClaimUniqueKey(data, resource, current);
            var packed = PackedResource.Of(resource) with { Sequence = current.Sequence, Role = current.Role, CreatedByPlatform = current.CreatedByPlatform };
            rows[resource.Id] = packed;
            data.MoveExternalId(resource.Kind, resource.Id, current.ExternalId, packed.ExternalId);
            ApplyMembers(data, resource.Id, members);
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string tenant, ResourceKind kind, string id, long expectedVersion, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data)
        {
            var rows = data.Rows(kind);
            if (!rows.TryGetValue(id, out var current) || current.Version != expectedVersion)
                throw StoreErrors.ConcurrentChange(kind, id);
            rows.Remove(id);
            data.RemoveFromOrder(kind, current.Sequence);
            if (current.UniqueKey is { } key) data.Keys(kind).Remove(key);
            data.MoveExternalId(kind, id, current.ExternalId, null);
            if (kind == ResourceKind.Group)
            {
                data.Memberships.RemoveGroup(id);
                data.Tree.Remove(id);
            }
            else data.Memberships.RemoveMember(id);
        }
        return Task.CompletedTask;
    }

    public async Task<ResourcePage> QueryAsync(string tenant, StoreQuery query, CancellationToken cancellationToken)
    {
        var (kind, schema, filter) = (query.Kind, query.Schema, query.Filter);
        var data = Data(tenant);
        // Members (of a group) and groups (of a user) are not in the documents: filters on them see them added.
        var derived = kind == ResourceKind.Group ? GroupSchema.Members.Name : UserSchema.Groups.Name;
        var needsDerived = filter is not null && Mentions(filter, derived);
        List<PackedResource> matches;
        List<StoredResource>? unpacked = null;
        lock (data)
        {
            var rows = data.Rows(kind);
            var candidates = filter is null ? null : IndexedCandidates(data, schema, filter);
            var inCreationOrder = candidates is null
                ? data.InCreationOrder(kind).Select(id => rows[id])
                : candidates.Select(id => rows.GetValueOrDefault(id)).OfType<PackedResource>().OrderBy(row => row.Sequence);
            Func<PackedResource, bool> matching = filter is null ? _ => true
                : KeptNameMatch(schema, filter)
                  ?? (row => FilterEvaluator.Matches(filter, needsDerived ? WithDerived(data, kind, row) : row.ParseDocument(), schema));
            matches = inCreationOrder.Where(matching).ToList();
            // Documents are parsed only where they are read: all of them to sort, else the page's.
            if (query.Sort is not null) unpacked = SortKeys.Order(matches.Select(row => row.Unpack(tenant, kind)).ToList(), query.Sort).ToList();
        }
        var page = unpacked is not null
            ? (query.AfterSequence is { } after ? unpacked.Where(r => r.Sequence > after) : unpacked.Skip(query.StartIndex - 1)).Take(query.Count).ToList()
            : (query.AfterSequence is { } from ? matches.Where(r => r.Sequence > from) : matches.Skip(query.StartIndex - 1))
                .Take(query.Count).Select(row => row.Unpack(tenant, kind)).ToList();
        var groups = query.WithGroups ? await GetGroupsOfUsersAsync(tenant, page.Select(r => r.Id).ToList(), cancellationToken) : null;
        return new ResourcePage(matches.Count, page, groups);
    }

    public bool ReadsGroupsInProcess => true;

    public Task<IReadOnlyList<GroupMember>> GetMembersAsync(string tenant, string groupId, string? after, int count, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data)
        {
            var set = data.Memberships.Of(groupId, MembershipSource.Scim);
            IReadOnlyList<GroupMember> members = set is null ? [] : set.IdsAfter(after).Take(count).Select(set.Get).ToList();
            return Task.FromResult(members);
        }
    }

    public Task<bool> SetRoleAsync(string tenant, string userId, PlatformRole role, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data)
        {
            var users = data.Rows(ResourceKind.User);
            if (!users.TryGetValue(userId, out var user)) return Task.FromResult(false);
            users[userId] = user with { Role = role };
            return Task.FromResult(true);
        }
    }

    public Task<bool> AddManualMemberAsync(string tenant, string groupId, string userId, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data)
        {
            if (data.Rows(ResourceKind.Group).ContainsKey(userId)) throw GroupMembersAreUsers.Refused(userId);
            if (!data.Rows(ResourceKind.User).ContainsKey(userId) || !data.Tree.Contains(groupId)) return Task.FromResult(false);
            data.Memberships.Add(groupId, MembershipSource.Manual, new GroupMember(userId, null));
            return Task.FromResult(true);
        }
    }

    public Task<bool> RemoveManualMemberAsync(string tenant, string groupId, string userId, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data) return Task.FromResult(data.Memberships.Remove(groupId, MembershipSource.Manual, userId));
    }

    public Task<IReadOnlyList<MemberEntry>> ListMembersAsync(string tenant, string groupId, string? after, int count, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data)
        {
            var users = data.Rows(ResourceKind.User);
            IReadOnlyList<MemberEntry> entries = data.Memberships.AllAfter(groupId, after).Take(count)
                .Select(m => new MemberEntry(m.MemberId,
                    users.TryGetValue(m.MemberId, out var user) ? user.Name : null,
                    m.Sources))
                .ToList();
            return Task.FromResult(entries);
        }
    }

    public async Task<IReadOnlyList<UserGroup>> UpdateUserWithGroupsAsync(StoredResource user, long expectedVersion, CancellationToken cancellationToken)
    {
        await UpdateAsync(user, expectedVersion, MembershipChange.None, cancellationToken);
        return (await GetGroupsOfUsersAsync(user.Tenant, [user.Id], cancellationToken)).GetValueOrDefault(user.Id) ?? [];
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<UserGroup>>> GetGroupsOfUsersAsync(string tenant, IReadOnlyCollection<string> userIds,
        CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        var result = new Dictionary<string, IReadOnlyList<UserGroup>>(StringComparer.Ordinal);
        lock (data)
        {
            foreach (var userId in userIds)
            {
                if (GroupsOf(data, userId) is { Count: > 0 } groups) result[userId] = groups;
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<UserGroup>>>(result);
    }

    public Task MoveGroupAsync(string tenant, string groupId, string? parentId, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data)
        {
            if (!data.Tree.Contains(groupId)) throw StoreErrors.GroupNotFound(groupId);
            if (parentId is not null)
            {
                if (!data.Tree.Contains(parentId)) throw StoreErrors.GroupNotFound(parentId);
                if (HierarchyCycles.WouldClose(groupId, parentId, data.Tree.AncestorsOf(parentId))) throw HierarchyCycles.Refused(groupId, parentId);
            }
            data.Tree.Move(groupId, parentId);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<GroupNode>?> GetChildrenAsync(string tenant, string? parentId, string? after, int count, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data)
        {
            if (parentId is not null && !data.Tree.Contains(parentId)) return Task.FromResult<IReadOnlyList<GroupNode>?>(null);
            return Task.FromResult<IReadOnlyList<GroupNode>?>(data.Tree.ChildrenOf(parentId, after).Take(count).Select(id => Node(data, id)).ToList());
        }
    }

    public Task<IReadOnlyList<GroupNode>?> GetPathAsync(string tenant, string groupId, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data)
        {
            if (!data.Tree.Contains(groupId)) return Task.FromResult<IReadOnlyList<GroupNode>?>(null);
            var path = data.Tree.AncestorsOf(groupId).Reverse().Append(groupId).Select(id => Node(data, id)).ToList();
            return Task.FromResult<IReadOnlyList<GroupNode>?>(path);
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private TenantData Data(string tenant) => tenants.GetOrAdd(tenant, _ => new TenantData());

    private static void ClaimUniqueKey(TenantData data, StoredResource resource, PackedResource? previous)
    {
        var keys = data.Keys(resource.Kind);
        var key = UniqueNames.KeyOf(resource.Kind, resource.Document);
        var previousKey = previous?.UniqueKey;
        if (key == previousKey) return;
        if (key is not null && keys.TryGetValue(key, out var owner) && owner != resource.Id)
            throw UniqueNames.Taken(resource);
        if (previousKey is not null) keys.Remove(previousKey);
        if (key is not null) keys[key] = resource.Id;
    }


    private static void RefuseGroupMembers(TenantData data, MembershipChange change)
    {
        var groups = data.Rows(ResourceKind.Group);
        if (change.Added.FirstOrDefault(m => groups.ContainsKey(m.MemberId)) is { } nested) throw GroupMembersAreUsers.Refused(nested.MemberId);
    }

    /// <summary>A SCIM membership change: it never touches manual members.</summary>
    private static void ApplyMembers(TenantData data, string groupId, MembershipChange change)
    {
        if (change.ReplaceAll) data.Memberships.Clear(groupId, MembershipSource.Scim);
        foreach (var memberId in change.Removed) data.Memberships.Remove(groupId, MembershipSource.Scim, memberId);
        foreach (var member in change.Added) data.Memberships.Add(groupId, MembershipSource.Scim, member);
    }

    private static List<UserGroup> GroupsOf(TenantData data, string userId)
    {
        var direct = data.Memberships.GroupsOf(userId);
        var reached = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var groupId in direct) reached[groupId] = true;
        foreach (var ancestor in direct.SelectMany(data.Tree.AncestorsOf)) reached.TryAdd(ancestor, false);
        return reached.Select(g => new UserGroup(g.Key, Node(data, g.Key).DisplayName, g.Value)).ToList();
    }

    private static GroupNode Node(TenantData data, string groupId) =>
        new(groupId, data.Rows(ResourceKind.Group)[groupId].Name ?? "");

    /// <summary>
    /// The ids a filter can only match, read from an index, when one of its top-level conjuncts is <c>eq</c> on id,
    /// externalId or the unique name (the lookups IdPs send before every write); null when the filter needs a scan.
    /// </summary>
    private static IEnumerable<string>? IndexedCandidates(TenantData data, ResourceSchema schema, FilterNode filter)
    {
        if (filter is And and) return IndexedCandidates(data, schema, and.Left) ?? IndexedCandidates(data, schema, and.Right);
        if (filter is not Compare { Op: CompareOp.Eq } compare || compare.Value.Kind == LiteralKind.Null) return null;
        var value = compare.Value.Text;
        return KeptNameOf(schema, compare).Name switch
        {
            KeptName.Id => [value],
            KeptName.ExternalId => data.WithExternalId(schema.Kind, value),
            KeptName.UniqueName => data.Keys(schema.Kind).TryGetValue(UniqueNames.Key(value), out var id) ? [id] : [],
            _ => null,
        };
    }

    /// <summary>
    /// Whether a row matches a filter that is one comparison of a name the row keeps beside its document: the lookup an
    /// IdP makes before each write (<c>userName eq</c>, <c>externalId eq</c>, a group's <c>displayName eq</c>), decided by
    /// <see cref="FilterEvaluator"/> on that name without parsing the document (which took about 8% of a lookup's CPU).
    /// Null for any other filter. The index finds the candidates by the name's unique key, which a case-exact comparison
    /// (the id, externalId) may still refuse, so the evaluator decides each candidate.
    /// </summary>
    private static Func<PackedResource, bool>? KeptNameMatch(ResourceSchema schema, FilterNode filter)
    {
        if (filter is not Compare compare) return null;
        var (name, attribute) = KeptNameOf(schema, compare);
        Func<PackedResource, string?>? kept = name switch
        {
            KeptName.Id => row => row.Id,
            KeptName.ExternalId => row => row.ExternalId,
            KeptName.UniqueName => row => row.Name,
            _ => null,
        };
        return kept is null ? null : row => FilterEvaluator.MatchesText(compare, attribute!, kept(row));
    }

    /// <summary>Which name a row keeps beside its document (<see cref="PackedResource"/>) a comparison reads, if any.</summary>
    private static (KeptName Name, AttributeDefinition? Attribute) KeptNameOf(ResourceSchema schema, Compare compare)
    {
        var resolved = schema.Resolve(compare.Path);
        if (resolved is null || resolved.InExtension || resolved.SubAttribute is not null) return (KeptName.None, null);
        var attribute = resolved.Attribute;
        if (attribute == CommonAttributes.Id) return (KeptName.Id, attribute);
        if (attribute == CommonAttributes.ExternalId) return (KeptName.ExternalId, attribute);
        return resolved.Schema is not null && attribute.Name == UniqueNames.Attribute(schema.Kind) ? (KeptName.UniqueName, attribute) : (KeptName.None, null);
    }

    private enum KeptName { None, Id, ExternalId, UniqueName }

    private static bool Mentions(FilterNode node, string attribute) => node switch
    {
        And and => Mentions(and.Left, attribute) || Mentions(and.Right, attribute),
        Or or => Mentions(or.Left, attribute) || Mentions(or.Right, attribute),
        Not not => Mentions(not.Inner, attribute),
        Compare compare => Names(compare.Path, attribute),
        Present present => Names(present.Path, attribute),
        ValuePath valuePath => Names(valuePath.Path, attribute),
        _ => false,
    };

    private static bool Names(AttrPath path, string attribute) => path.Name.Equals(attribute, StringComparison.OrdinalIgnoreCase);

    /// <summary>A document with its derived attribute, as the PostgreSQL filter sees it: a group's SCIM members, a user's groups.</summary>
    private static JsonObject WithDerived(TenantData data, ResourceKind kind, PackedResource row)
    {
        var document = row.ParseDocument();
        if (kind == ResourceKind.Group)
        {
            var members = data.Memberships.Of(row.Id, MembershipSource.Scim)?.All ?? [];
            document[GroupSchema.Members.Name] = new JsonArray(members.Select(m => (JsonNode)DerivedValues.Member(m)).ToArray());
        }
        else document[UserSchema.Groups.Name] = new JsonArray(GroupsOf(data, row.Id).Select(g => (JsonNode)DerivedValues.Group(g)).ToArray());
        return document;
    }

    private sealed class TenantData
    {
        private readonly Dictionary<string, PackedResource> users = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PackedResource> groups = new(StringComparer.Ordinal);
        // Creation order as sequence -> id, so that appending and removing are O(log n) and listing is ordered.
        private readonly SortedDictionary<long, string> userOrder = [];
        private readonly SortedDictionary<long, string> groupOrder = [];
        private long nextSequence;
        private readonly Dictionary<string, string> userNames = new(StringComparer.Ordinal);
        private readonly Dictionary<(ResourceKind, string), HashSet<string>> externalIds = [];
        private readonly Dictionary<string, string> groupNames = new(StringComparer.Ordinal);

        public InMemoryMemberships Memberships { get; } = new();
        public InMemoryTree Tree { get; } = new();

        public Dictionary<string, PackedResource> Rows(ResourceKind kind) => kind == ResourceKind.User ? users : groups;
        public IEnumerable<string> InCreationOrder(ResourceKind kind) => Order(kind).Values;

        /// <summary>Gives a new resource the next creation sequence; the row keeps it (<see cref="StoredResource.Sequence"/>).</summary>
        public long AppendToOrder(ResourceKind kind, string id)
        {
            var sequence = ++nextSequence;
            Order(kind).Add(sequence, id);
            return sequence;
        }

        public IEnumerable<string> WithExternalId(ResourceKind kind, string externalId) =>
            externalIds.GetValueOrDefault((kind, externalId)) ?? [];

        /// <summary>Moves a resource in the externalId index from one value to another (null: not indexed).</summary>
        public void MoveExternalId(ResourceKind kind, string id, string? before, string? after)
        {
            if (before == after) return;
            if (before is not null && externalIds.TryGetValue((kind, before), out var old))
            {
                old.Remove(id);
                if (old.Count == 0) externalIds.Remove((kind, before));
            }
            if (after is null) return;
            if (!externalIds.TryGetValue((kind, after), out var ids)) externalIds[(kind, after)] = ids = new(StringComparer.Ordinal);
            ids.Add(id);
        }

        public void RemoveFromOrder(ResourceKind kind, long sequence) => Order(kind).Remove(sequence);

        private SortedDictionary<long, string> Order(ResourceKind kind) => kind == ResourceKind.User ? userOrder : groupOrder;
        public Dictionary<string, string> Keys(ResourceKind kind) => kind == ResourceKind.User ? userNames : groupNames;
    }
}
