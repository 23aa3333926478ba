using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>The rules of an application's lifecycle.</summary>
public static class ApplicationRules
{
    public static readonly Rule NotFound = Rule.NotFound("application-not-found",
        "申报不存在。", "The application does not exist.");
    public static readonly Rule AlreadyExists = Rule.Conflict("application-exists",
        "该申报已存在。", "An application with this id already exists.");
    public static readonly Rule AlreadySubmitted = Rule.Conflict("application-already-submitted",
        "申报已提交，不能再次提交。", "The application has already been submitted; it cannot be submitted again.");
}
