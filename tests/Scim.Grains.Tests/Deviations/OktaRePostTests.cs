using System.Text.Json.Nodes;
using Scim.Grains.Deviations;
using Scim.Grains.Filtering;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Deviations;

public sealed class OktaRePostTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [Fact]
    public void APostWithoutAnExternalId_IsNoRePost() => Assert.Null(OktaRePost.Of(Json("""{"userName":"ann"}""")));

    [Fact]
    public void TheMatch_FindsOnlyTheDeactivatedUserWithTheSameUserNameAndExternalId()
    {
        var rePost = OktaRePost.Of(Json("""{"userName":"ann","externalId":"00u1"}"""))!;

        Assert.True(FilterEvaluator.Matches(rePost.Match, Json("""{"userName":"ANN","externalId":"00u1","active":false}"""), ResourceSchema.User));
        Assert.False(FilterEvaluator.Matches(rePost.Match, Json("""{"userName":"ann","externalId":"00u1","active":true}"""), ResourceSchema.User));
        Assert.False(FilterEvaluator.Matches(rePost.Match, Json("""{"userName":"ann","externalId":"00u2","active":false}"""), ResourceSchema.User));
    }

    [Fact]
    public void AUserReactivatedMeanwhile_NoLongerFits()
    {
        Assert.True(OktaRePost.Fits(Json("""{"active":false,"externalId":"00u1"}"""), "00u1"));
        Assert.False(OktaRePost.Fits(Json("""{"active":true,"externalId":"00u1"}"""), "00u1"));
    }
}
