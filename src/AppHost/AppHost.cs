var builder = DistributedApplication.CreateBuilder(args);
var infrastructure = builder.AddInfrastructure();

var registration = builder.AddProject<Projects.Services_Registration>("registration")
    .WithInfrastructure(infrastructure, infrastructure.RegistrationDb)
    .WithHttpHealthCheck("/health");

var review = builder.AddProject<Projects.Services_Review>("review")
    .WithInfrastructure(infrastructure, infrastructure.ReviewDb)
    .WithHttpHealthCheck("/health");

var evaluation = builder.AddProject<Projects.Services_Evaluation>("evaluation")
    .WithInfrastructure(infrastructure, infrastructure.EvaluationDb)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(registration).WaitFor(registration)
    .WithReference(review).WaitFor(review)
    .WithReference(evaluation).WaitFor(evaluation)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
