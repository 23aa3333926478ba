namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>One page of a list, with what a pager needs.</summary>
/// <param name="Items">本页条目 / The items of this page.</param>
/// <param name="TotalCount">全部条目数 / How many items there are in all.</param>
/// <param name="PageNumber">页码（从 1 开始） / The page number (from 1).</param>
/// <param name="PageSize">每页条数（1 至 200） / Items per page (1 to 200).</param>
public sealed record Page<T>(IReadOnlyList<T> Items, long TotalCount, int PageNumber, int PageSize);
