using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider on loopback: OpenIddict's server (authorization code flow with PKCE, discovery, keys,
/// end session), its signing key made when it starts. It knows the clients tests register, each with its own redirect
/// address; whoever its authorization endpoint is asked about next for a client is the identity that client's test
/// set (no login page: the test plays the person who signed in at the provider). One provider serves the process.
/// </summary>
public sealed class TestOidcProvider
{
    private static readonly Lazy<Task<TestOidcProvider>> Started = new(StartAsync);

    private readonly ConcurrentDictionary<string, Client> clients = new(StringComparer.Ordinal);

    // The provider's web host, held by the provider (which the process holds in Started): unreferenced, a garbage
    // collection could take its listening socket with it, and a later sign-in found the issuer refusing connections.
    private WebApplication? host;

    private TestOidcProvider(string issuer) => Issuer = issuer;

    public static Task<TestOidcProvider> SharedAsync() => Started.Value;

    /// <summary>The issuer, which the tenant's settings name: http://127.0.0.1:{port}.</summary>
    public string Issuer { get; }

    /// <summary>A person as the provider knows them; each claim is left out of the id token when null.</summary>
    public sealed record Identity(string Subject, string? Email, string? PreferredUsername = null, bool? EmailVerified = true, string? Oid = null);

    private sealed class Client(string secret, string redirectUri, string postLogoutRedirectUri)
    {
        public string Secret => secret;
        public string RedirectUri => redirectUri;
        public string PostLogoutRedirectUri => postLogoutRedirectUri;
        public Identity? Next { get; set; }
        public string? Audience { get; set; }
        public bool AlterState { get; set; }
    }

    /// <summary>Registers an application (a tenant's platform) with its secret and the addresses the service gives.</summary>
    public void Register(string clientId, string secret, string redirectUri, string postLogoutRedirectUri) =>
        clients[clientId] = new Client(secret, redirectUri, postLogoutRedirectUri);

    /// <summary>Who the provider says signed in, the next times this client sends someone to it.</summary>
    public void SignInAs(string clientId, Identity identity) => clients[clientId].Next = identity;

    /// <summary>Alters the state of this client's next answers, as someone tampering with the redirect back would (false: no more).</summary>
    public void AlterStateFor(string clientId, bool alter) => clients[clientId].AlterState = alter;

    /// <summary>Makes the id tokens of this client name another audience, as an answer meant for another application would (null: its own again).</summary>
    public void IssueTokensFor(string clientId, string? audience) => clients[clientId].Audience = audience;

    private static async Task<TestOidcProvider> StartAsync()
    {
        var port = ScimApiFactory.FreePort();
        var provider = new TestOidcProvider($"http://127.0.0.1:{port}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(provider.Issuer);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(new Uri(provider.Issuer + "/"));
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/endsession");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.Email, Scopes.Profile);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            // No stores: the handlers below check clients and addresses against the registrations.
            options.EnableDegradedMode();
            options.UseAspNetCore().DisableTransportSecurityRequirement();
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (!provider.clients.TryGetValue(context.ClientId ?? "", out var client)) context.Reject(OpenIddictConstants.Errors.InvalidClient, "Unknown client.");
                else if (context.RedirectUri != client.RedirectUri) context.Reject(OpenIddictConstants.Errors.InvalidRequest, "The redirect_uri is not registered.");
                return default;
            }));
            options.AddEventHandler<HandleAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                var identity = provider.clients[context.Request.ClientId!].Next ?? throw new InvalidOperationException("No one to sign in.");
                var claims = new ClaimsIdentity("test-provider", Claims.Name, Claims.Role);
                claims.SetClaim(Claims.Subject, identity.Subject).SetClaim(Claims.Email, identity.Email)
                    .SetClaim(Claims.PreferredUsername, identity.PreferredUsername).SetClaim("oid", identity.Oid);
                if (identity.EmailVerified is { } verified) claims.SetClaim(Claims.EmailVerified, verified);
                claims.SetScopes(context.Request.GetScopes());
                claims.SetDestinations(_ => [Destinations.IdentityToken]);
                context.SignIn(new ClaimsPrincipal(claims));
                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (!provider.clients.TryGetValue(context.ClientId ?? "", out var client) || client.Secret != context.ClientSecret)
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "Unknown client or wrong secret.");
                return default;
            }));
            options.AddEventHandler<ProcessSignInContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.IdentityTokenPrincipal is { } principal && provider.clients.TryGetValue(context.ClientId ?? "", out var client)
                    && client.Audience is { } audience)
                {
                    principal.SetAudiences(audience);
                }
                return default;
            }).SetOrder(PrepareIdentityTokenPrincipal.Descriptor.Order + 1));
            options.AddEventHandler<ApplyAuthorizationResponseContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Request?.ClientId is { } id && provider.clients.TryGetValue(id, out var client) && client.AlterState && context.Response.State is { } state)
                    context.Response.State = "X" + state;
                return default;
            }).SetOrder(Authentication.AttachResponseState.Descriptor.Order + 1));
            options.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && !provider.clients.Values.Any(c => c.PostLogoutRedirectUri == uri))
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "The post_logout_redirect_uri is not registered.");
                return default;
            }));
            options.AddEventHandler<HandleEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                context.SignOut();
                return default;
            }));
        });
        provider.host = builder.Build();
        await provider.host.StartAsync();
        return provider;
    }
}
