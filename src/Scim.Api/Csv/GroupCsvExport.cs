using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Csv;

/// <summary>
/// A tenant's groups with their members as CSV: one row per membership with its sources (<c>scim</c>, the identity
/// provider's; <c>manual</c>, an admin's or an import's; both), and one row without a member for an empty group.
/// Streamed a page of groups, and a page of each group's members, at a time.
/// </summary>
public static class GroupCsvExport
{
    private const int MemberPage = 1000;

    public static readonly IReadOnlyList<string> Columns = ["groupId", "displayName", "externalId", "memberId", "memberUserName", "sources"];

    public static async Task WriteAsync(IGrainFactory grains, string tenant, string baseUrl, Stream output, CancellationToken cancellationToken)
    {
        await using var paged = new PagedCsvWriter(output);
        var csv = paged.Csv;
        csv.WriteHeader([.. Columns]);
        var render = new RenderOptions(baseUrl, ExcludedAttributes: "members");
        await foreach (var json in CsvPages.ResourcesAsync(grains, tenant, ResourceKind.Group, render, cancellationToken))
        {
            var group = JsonNode.Parse(json)!.AsObject();
            var (id, name, externalId) = (UserCsvExport.Text(group["id"]), UserCsvExport.Text(group["displayName"]), UserCsvExport.Text(group["externalId"]));
            var members = grains.Grain<IGroupGrain>(ResourceKeys.Of(tenant, id));
            var any = false;
            for (string? after = null; ;)
            {
                var listing = await members.ListMembersAsync(after, MemberPage);
                foreach (var member in listing.Members)
                {
                    csv.WriteRecord([id, name, externalId, member.UserId, member.UserName ?? "", Sources(member.Sources)]);
                    any = true;
                }
                await paged.FlushAsync(cancellationToken);
                if (listing.Next is null) break;
                after = listing.Next;
            }
            if (!any) csv.WriteRecord([id, name, externalId, "", "", ""]);
        }
        await paged.FlushAsync(cancellationToken);
    }

    private static string Sources(IReadOnlyList<MembershipSource> sources) =>
        string.Join(CsvFiles.ValueSeparator, sources.Select(s => s == MembershipSource.Scim ? "scim" : "manual"));
}
