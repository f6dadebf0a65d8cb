using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DebateEvents.Host.Settings;

/// <summary>
/// With an API key configured, every request that changes something (any method but GET, HEAD and OPTIONS)
/// must carry it in <c>X-Api-Key</c>; others get 401 with a problem body. Reading stays open.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<ApiKeyOptions> options)
{
    public const string Header = "X-Api-Key";

    private readonly byte[]? _key = options.Value.Key is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (_key is null || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || Matches(context.Request.Headers[Header].ToString()))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "API key required",
                Detail = $"This request changes state; send the configured API key in the {Header} header.",
            },
        });
    }

    private bool Matches(string presented) =>
        presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key);
}
