using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Evaluation;
using ServiceManufacturing.Services.Evaluation.Demonstrations;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapDemonstrationsApi();
app.Run();

public partial class Program;
