# One image, two programs: the silo (/app/silo, co-hosts the API in single-node mode) and the stateless API (/app/api).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Scim.Silo -c Release -o /app/silo \
 && dotnet publish src/Scim.Api -c Release -o /app/api

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl for the health checks of docker-compose.yml.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
ENV ASPNETCORE_URLS=http://+:8080
# A gen0 budget of at least 32 MB per GC heap. The runtime sizes it from the CPU's cache, and on VMs that hide or
# misreport their caches it fell to about 5 MB: a collection, stopping every thread, every few hundred requests. Only
# the environment can set it (the runtime ignores it in runtimeconfig.json).
ENV DOTNET_GCgen0size=0x2000000
EXPOSE 8080 11111 30000
WORKDIR /app/silo
ENTRYPOINT ["dotnet", "Scim.Silo.dll"]
