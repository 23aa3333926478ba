using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Evaluation;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Services.Evaluation.Filings;
using ServiceManufacturing.Services.Evaluation.Outcomes;
using ServiceManufacturing.Services.Evaluation.Progress;
using ServiceManufacturing.Services.Evaluation.RosterImports;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapDemonstrationsApi();
app.MapRosterImportsApi();
app.MapFilingsApi();
app.MapExplanationsApi();
app.MapAuthorityProgressApi();
app.MapOutcomesApi();
app.Run();

public partial class Program;
