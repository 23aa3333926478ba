namespace ServiceManufacturing.ServiceDefaults.Identity;

/// <summary>Who signs in, as the token's <c>role</c> claim says. One role per account.</summary>
public static class PlatformRoles
{
    /// <summary>申报企业 / 申报平台: bound to one organisation (its unified social credit code).</summary>
    public const string Applicant = "applicant";

    /// <summary>城市工业和信息化主管部门: files its city's application.</summary>
    public const string CityAuthority = "city-authority";

    /// <summary>省级主管部门 officer: bound to one of the 37 recommending authorities.</summary>
    public const string AuthorityOfficer = "authority-officer";

    /// <summary>工业和信息化部 产业政策与法规司.</summary>
    public const string MinistryOfficer = "ministry-officer";

    /// <summary>评审专家: only the applications assigned to it.</summary>
    public const string Expert = "expert";

    /// <summary>审计: reads everything, changes nothing; every read is recorded.</summary>
    public const string Auditor = "auditor";

    public static IReadOnlyList<string> All { get; } =
        [Applicant, CityAuthority, AuthorityOfficer, MinistryOfficer, Expert, Auditor];
}

/// <summary>The claims of the platform's access tokens.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The recommending authority (GB/T 2260 code) an officer acts for, or a city authority belongs to.</summary>
    public const string Authority = "authority";

    /// <summary>The unified social credit code of an applicant's organisation.</summary>
    public const string CreditCode = "credit_code";

    /// <summary>The city a city authority speaks for.</summary>
    public const string City = "city";

    /// <summary>The audience every service accepts.</summary>
    public const string Audience = "servicemanufacturing-api";

    /// <summary>The scope that grants the audience.</summary>
    public const string ApiScope = "api";
}
