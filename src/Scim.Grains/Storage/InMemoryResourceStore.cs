using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Queries;
using Scim.Grains.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Storage;

/// <summary>
/// The single-node store: the same contract as the PostgreSQL store, kept in process memory. Each tenant's data
/// sits behind one lock, so a write (row, unique keys and membership rows together) is atomic, as a transaction is.
/// </summary>
public sealed class InMemoryResourceStore : IResourceStore
{
    private readonly ConcurrentDictionary<string, TenantData> tenants = new(StringComparer.Ordinal);

    public Task<StoredResource?> GetAsync(string tenant, ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data) return Task.FromResult(data.Rows(kind).GetValueOrDefault(id));
    }

    public Task InsertAsync(StoredResource resource, MembershipChange members, CancellationToken cancellationToken)
    {
        var data = Data(resource.Tenant);
        lock (data)
        {
            var rows = data.Rows(resource.Kind);
            if (rows.ContainsKey(resource.Id)) throw StoreErrors.IdTaken(resource.Kind, resource.Id);
            ClaimUniqueKey(data, resource, previous: null);
            data.MoveExternalId(resource.Kind, resource.Id, null, ExternalIdOf(resource));
            rows[resource.Id] = resource with { Sequence = data.AppendToOrder(resource.Kind, resource.Id) };
            ApplyMembers(data, resource.Id, members);
        }
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
            ClaimUniqueKey(data, resource, current);
            rows[resource.Id] = resource with { Sequence = current.Sequence };
            data.MoveExternalId(resource.Kind, resource.Id, ExternalIdOf(current), ExternalIdOf(resource));
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
            if (UniqueKeys.Of(kind, current.Document) is { } key) data.Keys(kind).Remove(key);
            data.MoveExternalId(kind, id, ExternalIdOf(current), null);
            if (kind == ResourceKind.Group) ApplyMembers(data, id, new MembershipChange(true, [], []));
            foreach (var groupId in data.MemberOf.GetValueOrDefault(id) ?? [])
                data.Members[groupId].Remove(id);
            data.MemberOf.Remove(id);
        }
        return Task.CompletedTask;
    }

    public Task<ResourcePage> QueryAsync(string tenant, StoreQuery query, CancellationToken cancellationToken)
    {
        var (kind, schema, filter) = (query.Kind, query.Schema, query.Filter);
        var data = Data(tenant);
        var needsMembers = kind == ResourceKind.Group && filter is not null && MentionsMembers(filter);
        List<StoredResource> matches;
        lock (data)
        {
            var rows = data.Rows(kind);
            var candidates = filter is null ? null : IndexedCandidates(data, schema, filter);
            var inCreationOrder = candidates is null
                ? data.InCreationOrder(kind).Select(id => rows[id])
                : candidates.Select(id => rows.GetValueOrDefault(id)).OfType<StoredResource>().OrderBy(row => row.Sequence);
            matches = inCreationOrder
                .Where(row => filter is null || FilterEvaluator.Matches(filter, needsMembers ? WithMembers(data, row) : row.Document, schema))
                .ToList();
        }
        var sorted = query.Sort is null ? matches : SortKeys.Order(matches, query.Sort);
        var page = (query.AfterSequence is { } after ? sorted.Where(r => r.Sequence > after) : sorted.Skip(query.StartIndex - 1))
            .Take(query.Count).ToList();
        return Task.FromResult(new ResourcePage(matches.Count, page));
    }

    public Task<IReadOnlyList<GroupMember>> GetMembersAsync(string tenant, string groupId, CancellationToken cancellationToken)
    {
        var data = Data(tenant);
        lock (data)
        {
            IReadOnlyList<GroupMember> members = data.Members.TryGetValue(groupId, out var set)
                ? set.Values.OrderBy(m => m.MemberId, StringComparer.Ordinal).ToList()
                : [];
            return Task.FromResult(members);
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private TenantData Data(string tenant) => tenants.GetOrAdd(tenant, _ => new TenantData());

    private static void ClaimUniqueKey(TenantData data, StoredResource resource, StoredResource? previous)
    {
        var keys = data.Keys(resource.Kind);
        var key = UniqueKeys.Of(resource.Kind, resource.Document);
        var previousKey = previous is null ? null : UniqueKeys.Of(resource.Kind, previous.Document);
        if (key == previousKey) return;
        if (key is not null && keys.TryGetValue(key, out var owner) && owner != resource.Id)
            throw StoreErrors.InUse(resource);
        if (previousKey is not null) keys.Remove(previousKey);
        if (key is not null) keys[key] = resource.Id;
    }


    private static void ApplyMembers(TenantData data, string groupId, MembershipChange change)
    {
        if (change.IsEmpty) return;
        if (!data.Members.TryGetValue(groupId, out var members)) data.Members[groupId] = members = new(StringComparer.Ordinal);
        var removed = change.ReplaceAll ? members.Keys.ToList() : change.Removed;
        foreach (var memberId in removed)
        {
            if (members.Remove(memberId) && data.MemberOf.TryGetValue(memberId, out var groups)) groups.Remove(groupId);
        }
        foreach (var member in change.Added)
        {
            members[member.MemberId] = member;
            if (!data.MemberOf.TryGetValue(member.MemberId, out var groups)) data.MemberOf[member.MemberId] = groups = new(StringComparer.Ordinal);
            groups.Add(groupId);
        }
        if (members.Count == 0) data.Members.Remove(groupId);
    }

    /// <summary>
    /// The ids a filter can only match, read from an index, when one of its top-level conjuncts is <c>eq</c> on id,
    /// externalId or the unique name (the lookups IdPs send before every write); null when the filter needs a scan.
    /// </summary>
    private static IEnumerable<string>? IndexedCandidates(TenantData data, ResourceSchema schema, FilterNode filter)
    {
        if (filter is And and) return IndexedCandidates(data, schema, and.Left) ?? IndexedCandidates(data, schema, and.Right);
        if (filter is not Compare { Op: CompareOp.Eq } compare || compare.Value.Kind == LiteralKind.Null) return null;
        var resolved = schema.Resolve(compare.Path);
        if (resolved is null || resolved.InExtension || resolved.SubAttribute is not null) return null;
        var value = compare.Value.Text;
        if (resolved.Attribute == CommonAttributes.Id) return [value];
        if (resolved.Attribute == CommonAttributes.ExternalId) return data.WithExternalId(schema.Kind, value);
        if (resolved.Schema is not null && resolved.Attribute.Name == UniqueKeys.Attribute(schema.Kind))
            return data.Keys(schema.Kind).TryGetValue(value.ToLowerInvariant(), out var id) ? [id] : [];
        return null;
    }

    private static string? ExternalIdOf(StoredResource resource) =>
        ResourceDocument.GetString(resource.Document, CommonAttributes.ExternalId.Name);

    private static bool MentionsMembers(FilterNode node) => node switch
    {
        And and => MentionsMembers(and.Left) || MentionsMembers(and.Right),
        Or or => MentionsMembers(or.Left) || MentionsMembers(or.Right),
        Not not => MentionsMembers(not.Inner),
        Compare compare => IsMembers(compare.Path),
        Present present => IsMembers(present.Path),
        ValuePath valuePath => IsMembers(valuePath.Path),
        _ => false,
    };

    private static bool IsMembers(AttrPath path) => path.Name.Equals(GroupSchema.Members.Name, StringComparison.OrdinalIgnoreCase);

    private static JsonObject WithMembers(TenantData data, StoredResource group)
    {
        var document = (JsonObject)group.Document.DeepClone();
        if (data.Members.TryGetValue(group.Id, out var members))
            document[GroupSchema.Members.Name] = new JsonArray(members.Values.Select(MemberObject).ToArray());
        return document;
    }

    private static JsonNode MemberObject(GroupMember member)
    {
        var element = new JsonObject { ["value"] = member.MemberId };
        if (member.Display is not null) element["display"] = member.Display;
        return element;
    }

    private sealed class TenantData
    {
        private readonly Dictionary<string, StoredResource> users = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StoredResource> groups = new(StringComparer.Ordinal);
        // Creation order as sequence -> id, so that appending and removing are O(log n) and listing is ordered.
        private readonly SortedDictionary<long, string> userOrder = [];
        private readonly SortedDictionary<long, string> groupOrder = [];
        private long nextSequence;
        private readonly Dictionary<string, string> userNames = new(StringComparer.Ordinal);
        private readonly Dictionary<(ResourceKind, string), HashSet<string>> externalIds = [];
        private readonly Dictionary<string, string> groupNames = new(StringComparer.Ordinal);

        public Dictionary<string, Dictionary<string, GroupMember>> Members { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, HashSet<string>> MemberOf { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, StoredResource> Rows(ResourceKind kind) => kind == ResourceKind.User ? users : groups;
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
