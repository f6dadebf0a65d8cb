namespace DebateEvents.Host.Http;

/// <summary>Reads a JSON request body with the checks every publishing endpoint makes: JSON content type (415), at most 900,000 bytes (413).</summary>
internal static class JsonBody
{
    // The event goes on to Kafka as one record, and Kafka refuses records over message.max.bytes (1,000,000 in
    // librdkafka, about 1 MiB on brokers): a body accepted here must fit one. The Avro body of our contracts is no
    // larger than their JSON (no arrays of floating-point numbers), so this leaves room for the key and headers.
    public const int MaxBytes = 900_000;

    /// <summary>The body's bytes, or the problem to answer with instead.</summary>
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: $"Send the event as JSON with Content-Type: application/json (got '{request.ContentType ?? "none"}')."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        // Chunked bodies carry no length: read at most one byte past the limit to know.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    private static IResult TooLarge() => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large",
        detail: $"An event body may be at most {MaxBytes} bytes.");
}
