var builder = DistributedApplication.CreateBuilder(args);
var infrastructure = builder.AddInfrastructure();
var identity = IdentitySettings.Add(builder);
// Services:Replicas (1 unless configured, e.g. --Services:Replicas=2) runs that many instances of each service behind
// its one address (Aspire's proxy spreads the calls); each service's daemon runs HotCold, so one relay per service.
var replicas = int.TryParse(builder.Configuration["Services:Replicas"], out var configured) && configured > 1 ? configured : 1;

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithSmallFootprint()
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();
// Tokens are issued for the gateway's public address; every service checks that issuer.
var issuer = gateway.GetEndpoint("http");

var identityService = builder.AddProject<Projects.Services_Identity>("identity")
    .WithSmallFootprint()
    .WithInfrastructure(infrastructure, infrastructure.IdentityDb)
    .WithEnvironment("Identity__Issuer", issuer)
    .WithEnvironment("Identity__RequireHttps", "false")
    .WithEnvironment("Identity__SigningKey", identity.SigningKey)
    .WithEnvironment("Identity__Administrator__Password", identity.AdministratorPassword)
    // A machine client with read-only (auditor) tokens through client credentials, e.g. for the ministry's reports.
    .WithEnvironment("Identity__Clients__servicemanufacturing-reporting__DisplayName", "Reporting")
    .WithEnvironment("Identity__Clients__servicemanufacturing-reporting__Role", "auditor")
    .WithEnvironment("Identity__Clients__servicemanufacturing-reporting__Secret", identity.ReportingClientSecret)
    .WithHttpHealthCheck("/health")
    .WithReplicas(replicas);
if (identity.DevelopmentUsersPassword is { } developmentUsers)
    identityService.WithEnvironment("Identity__DevelopmentUsersPassword", developmentUsers);

IResourceBuilder<ProjectResource> Service<TProject>(string name, IResourceBuilder<IResourceWithConnectionString> database)
    where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithSmallFootprint()
        .WithInfrastructure(infrastructure, database)
        .WithEnvironment("Identity__Issuer", issuer)
        .WithEnvironment("Identity__SigningPublicKey", identity.SigningPublicKey)
        .WithHttpHealthCheck("/health")
        .WithReplicas(replicas);

// The key of the short-lived signed links by which Review lets an assigned expert read what Registration stores.
var documentLinkKey = builder.AddParameter("document-link-key", secret: true);
var registration = Service<Projects.Services_Registration>("registration", infrastructure.RegistrationDb)
    .WithEnvironment("DocumentLinks__Key", documentLinkKey);
var review = Service<Projects.Services_Review>("review", infrastructure.ReviewDb)
    .WithEnvironment("DocumentLinks__Key", documentLinkKey);
var evaluation = Service<Projects.Services_Evaluation>("evaluation", infrastructure.EvaluationDb);

gateway
    .WithEnvironment("Identity__Issuer", issuer)
    .WithEnvironment("Identity__SigningPublicKey", identity.SigningPublicKey)
    .WithReference(identityService).WaitFor(identityService)
    .WithReference(registration).WaitFor(registration)
    .WithReference(review).WaitFor(review)
    .WithReference(evaluation).WaitFor(evaluation);

builder.Build().Run();
