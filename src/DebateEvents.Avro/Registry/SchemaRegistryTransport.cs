using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DebateEvents.Avro.Registry;

/// <summary>
/// Sends registry requests: the registry media type, basic authentication, a timeout per attempt, retries with
/// exponential backoff for transport failures, 5xx and 429, and error bodies mapped to typed exceptions.
/// </summary>
internal sealed class SchemaRegistryTransport : IDisposable
{
    private const string MediaType = "application/vnd.schemaregistry.v1+json";
    private readonly SchemaRegistryOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _baseUri;
    private readonly AuthenticationHeaderValue? _authorization;

    public SchemaRegistryTransport(SchemaRegistryOptions options, HttpClient? httpClient)
    {
        _options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var url = options.Url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        _baseUri = new Uri(url.EndsWith('/') ? url : url + "/");
        _authorization = string.IsNullOrEmpty(options.BasicAuthUserInfo)
            ? null
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.BasicAuthUserInfo)));
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        Exception? lastFailure = null;
        for (var attempt = 0; attempt <= _options.MaxRetries; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(_options.RetryBackoff * Math.Pow(2, attempt - 1), cancellationToken);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            try
            {
                using var request = CreateRequest(method, path, body);
                using var response = await _http.SendAsync(request, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    using var document = JsonDocument.Parse(text);
                    return document.RootElement.Clone();
                }

                var error = ToException(response.StatusCode, text);
                if (!IsTransient(response.StatusCode))
                {
                    throw error;
                }

                lastFailure = error;
            }
            catch (HttpRequestException ex)
            {
                lastFailure = ex;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                lastFailure = new TimeoutException($"No answer within {_options.RequestTimeout}.", ex);
            }
        }

        throw new SchemaRegistryException(
            $"The schema registry at {_baseUri.GetLeftPart(UriPartial.Authority)} failed {method} /{path} after {_options.MaxRetries + 1} attempts: {lastFailure?.Message}",
            lastFailure!);
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string path, JsonObject? body)
    {
        var request = new HttpRequestMessage(method, new Uri(_baseUri, path));
        request.Headers.Accept.ParseAdd(MediaType);
        request.Headers.Authorization = _authorization;
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, MediaType);
        }

        return request;
    }

    private static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    private static SchemaRegistryException ToException(HttpStatusCode status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var code = root.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var parsed) ? parsed : (int)status;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : body;
            return SchemaRegistryException.FromError(status, code, message);
        }
        catch (JsonException)
        {
            return SchemaRegistryException.FromError(status, (int)status, $"HTTP {(int)status}: {body}");
        }
    }
}
