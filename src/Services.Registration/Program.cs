using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Registration;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Services.Registration.AuthorityContacts;
using ServiceManufacturing.Services.Registration.Campaigns;
using ServiceManufacturing.Services.Registration.Documents;
using ServiceManufacturing.Services.Registration.Roster;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapApplicationsApi();
app.MapCampaignsApi();
app.MapDocumentsApi();
app.MapAuthoritiesApi();
app.MapDemonstrationTitlesApi();
app.MapApplicationAsOfApi();
app.Run();

public partial class Program;
