using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapReviewCasesApi();
app.MapRecommendationsApi();
app.MapPackagesApi();
app.MapAuthorityAsOfApi();
app.Run();

public partial class Program;
