using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Services.Review.Selection;
using ServiceManufacturing.Services.Review.Visits;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();
DevelopmentClock.AddWhenAsked(builder);

var app = builder.Build();
app.UseServiceApi();
app.MapReviewCasesApi();
app.MapRecommendationsApi();
app.MapPackagesApi();
app.MapSiteVisitsApi();
app.MapSelectionApi();
app.MapExpertReviewApi();
app.MapAuthorityAsOfApi();
app.MapRankingAsOfApi();
app.Run();

public partial class Program;
