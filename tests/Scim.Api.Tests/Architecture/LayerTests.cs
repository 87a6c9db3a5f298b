using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;
using Scim.Api;
using Scim.Grains;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Tests.Architecture;

/// <summary>
/// The direction the code keeps: in the grains from the SCIM model up to the grains by feature, in the API from HTTP
/// plumbing up to the endpoints, and grain contracts without logic. A lower layer that starts to use a higher one, or
/// logic that moves into the contracts, fails here.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Grains = typeof(ScimGrainsHostingExtensions).Assembly;
    private static readonly Assembly Api = typeof(ScimApiExtensions).Assembly;
    private static readonly Assembly Contracts = typeof(IResourceGrain).Assembly;

    /// <summary>Helpers the contracts keep, each because both sides of a grain call need the same answer.</summary>
    private static readonly Dictionary<string, string> ContractHelpers = new()
    {
        ["ResourceKeys"] = "a resource grain's key is part of how callers address it",
        ["GrainReferences"] = "the one way callers address a grain by a string key",
        ["ResourceCreation"] = "which grain a POST of a new resource goes to, for the API and the Bulk grain alike",
        ["IdentityProviders"] = "the providers a token is for, an enumeration with names",
        ["AcceptedText"] = "the text the API's body and parameter gate and the grains' filter lexer (after unescaping) accept",
        ["TransientFailures"] = "which failures a retry cures, for the API's error answers and the Bulk grain alike",
        ["CustomField"] = "the URN of a tenant's custom fields, which the schemas publish and the pages and files name",
        ["RandomIds"] = "new ids, which the API makes for a POST and the grains for what they create themselves",
        ["CallerTrace"] = "the kept trace a grain call carries, which the API puts in and the silo's calls read and pass on",
    };

    /// <summary>
    /// The folders of the grains, lowest first: the instruments metrics read; the SCIM model; documents and stored rows;
    /// filters and sorting; the SCIM rules the stores also guard (uniqueness, an acyclic tree, users as members); the
    /// identity providers' deviations, each a named rule; reading client values into stored form; rendering and the PATCH
    /// engine; storage; the grain base every resource shares; then the grains by feature. A folder uses only folders of lower layers (features do
    /// not use one another; they call each other's grains).
    /// </summary>
    public static readonly TheoryData<string, string[]> GrainLayers = LayerRules("Scim.Grains",
    [
        ["Telemetry"],
        ["Schemas"],
        ["Documents"],
        ["Filtering"],
        ["Rules"],
        ["Deviations"],
        ["Normalizing"],
        ["Rendering", "Patching"],
        ["Storage"],
        ["Resources"],
        ["Queries", "Users", "Groups", "Tenants", "Platform", "Bulk", "Discovery", "Health", "Mail", "Import"],
    ]);

    /// <summary>
    /// The folders of the API, lowest first: HTTP plumbing (bodies, results, the request's facts); SCIM errors and the
    /// instruments metrics read; the cross-cutting parts (authentication, the provisioning log, rate limits, health,
    /// hosting); single sign-on, which signs people in through their identity provider with both, and the CSV files; the
    /// endpoints, the pages and the API reference.
    /// </summary>
    public static readonly TheoryData<string, string[]> ApiLayers = LayerRules("Scim.Api",
    [
        ["Http"],
        ["Errors", "Telemetry"],
        ["Auth", "ProvisioningLog", "Protection", "Health", "Hosting"],
        ["SingleSignOn", "Csv"],
        ["Endpoints", "Pages", "ApiReference"],
    ]);

    [Theory]
    [MemberData(nameof(GrainLayers))]
    [MemberData(nameof(ApiLayers))]
    public void AFolder_UsesOnlyLowerLayers(string folder, string[] higherOrBeside)
    {
        var assembly = folder.StartsWith("Scim.Api.", StringComparison.Ordinal) ? Api : Grains;

        var result = Types.InAssembly(assembly).That().ResideInNamespace(folder).ShouldNot().HaveDependencyOnAny(higherOrBeside).GetResult();

        Assert.True(result.IsSuccessful, $"{folder} uses a higher layer: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void EveryFolder_HasItsLayer()
    {
        var placed = GrainLayers.Concat(ApiLayers).Select(row => (string)row[0]);

        Assert.Empty(Folders(Grains).Concat(Folders(Api)).Except(placed));
    }

    [Fact]
    public void Contracts_DependOnNeitherTheGrainsNorTheApi()
    {
        var result = Types.InAssembly(Contracts).ShouldNot().HaveDependencyOnAny([.. Folders(Grains), "Scim.Api"]).GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Contracts_HoldRecordsEnumsInterfacesAndErrors_NotLogic()
    {
        var withLogic = Contracts.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Scim.Grains.Interfaces", StringComparison.Ordinal) == true && !t.IsNested)
            .Where(t => !ContractHelpers.ContainsKey(t.Name) && HasLogic(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(withLogic);
    }

    /// <summary>For each folder of an assembly's layers, the namespaces it may not use: those of its layer and above.</summary>
    private static TheoryData<string, string[]> LayerRules(string assembly, string[][] layers)
    {
        var rules = new TheoryData<string, string[]>();
        for (var i = 0; i < layers.Length; i++)
        {
            foreach (var folder in layers[i])
            {
                rules.Add($"{assembly}.{folder}",
                    layers.Skip(i).SelectMany(layer => layer).Where(other => other != folder).Select(other => $"{assembly}.{other}").ToArray());
            }
        }
        return rules;
    }

    /// <summary>The namespaces of an assembly's folders (<c>Scim.Grains.Schemas</c>, ...), each a prefix of its sub-folders'.</summary>
    private static IEnumerable<string> Folders(Assembly assembly)
    {
        var root = assembly.GetName().Name + ".";
        return assembly.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith(root, StringComparison.Ordinal))
            .Select(n => root + n[root.Length..].Split('.')[0]).Distinct();
    }

    /// <summary>Methods or computed properties of its own, beyond what the compiler writes for a record.</summary>
    private static bool HasLogic(Type type) =>
        !type.IsInterface && !type.IsEnum && !typeof(Exception).IsAssignableFrom(type)
        && type.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
            .Any(m => !m.IsDefined(typeof(CompilerGeneratedAttribute)));
}
