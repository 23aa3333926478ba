using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Registration;
using ServiceManufacturing.Services.Registration.Applications;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapApplicationsApi();
app.Run();

public partial class Program;
