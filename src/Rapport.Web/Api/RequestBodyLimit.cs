using Microsoft.AspNetCore.Http.Features;

namespace Rapport.Web.Api;

/// <summary>
/// The API's body cap, enforced whatever the server: a declared length over the cap is refused before a
/// byte is read; a body of unknown length (chunked) fails as soon as it passes the cap. Kestrel enforces the
/// endpoints' <c>RequestSizeLimit</c> itself; this also covers servers without that feature (TestServer,
/// some reverse-proxy hosts) and answers the same 413 problem details either way.
/// </summary>
internal static class RequestBodyLimit
{
    public static IApplicationBuilder UseApiRequestBodyLimit(this IApplicationBuilder app) => app.Use(next => context =>
    {
        if (ApiRegistration.IsApiRequest(context))
        {
            var request = context.Request;
            if (request.ContentLength > ApiRegistration.MaxRequestBodyBytes)
            {
                throw TooLarge();
            }

            var serverLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (request.ContentLength is null && serverLimit is not { MaxRequestBodySize: <= ApiRegistration.MaxRequestBodyBytes })
            {
                request.Body = new CappedStream(request.Body, ApiRegistration.MaxRequestBodyBytes);
            }
        }

        return next(context);
    });

    internal static BadHttpRequestException TooLarge() =>
        new("The request body is larger than the API accepts.", StatusCodes.Status413PayloadTooLarge);

    /// <summary>A read-only view of the body that throws the server's own 413 exception once more than the cap is read.</summary>
    private sealed class CappedStream(Stream inner, long cap) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > cap ? throw TooLarge() : read;
        }
    }
}
