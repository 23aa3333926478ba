using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Identity;
using ServiceManufacturing.Services.Identity.Accounts;
using ServiceManufacturing.Services.Identity.Connect;
using ServiceManufacturing.Services.Identity.Experts;
using ServiceManufacturing.Services.Identity.Organisations;
using ServiceManufacturing.Services.Identity.SignIn;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.UseAntiforgery();
app.MapSignInPage();
app.MapConnectEndpoints();
app.MapAccountsApi();
app.MapBindingRequestsApi();
app.MapMembersApi();
app.MapExpertsApi();
app.Run();

public partial class Program;
