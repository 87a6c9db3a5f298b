using Scim.Api;
using Scim.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddScimSilo();
builder.Services.AddScimApi(builder.Configuration);

var app = builder.Build();
app.MapScimApi();
app.Run();

/// <summary>The entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
