package dev.worklane.adapter.in.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Caps every request body, whatever its content type, at {@code worklane.web.max-json-body} (1 MB).
 * A declared Content-Length above the limit is refused at once with 413; a streamed (chunked) body
 * is counted and cut off with 413 when it crosses the limit. Multipart bodies are never parsed by
 * the container (it would spool whole parts to memory or disk before any 404/413/415): to an
 * endpoint that takes no upload they are counted into memory up to the limit; to an upload endpoint
 * ({@link ApiPaths#STREAMED_UPLOADS}) they pass unbuffered, to be streamed by its handler with its
 * own limit ({@link StreamingMultipart}). Either way their parts and form fields stay invisible to
 * everything else (a CSRF check looking for a form field, a multipart resolver). Registered in
 * {@code WebFilters}.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {
  private final long limit;
  private final List<PathPattern> uploads =
      ApiPaths.STREAMED_UPLOADS.stream().map(PathPatternParser.defaultInstance::parse).toList();

  public BodySizeLimitFilter(WebSettings settings) {
    this.limit = settings.maxJsonBodyBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isMultipart(request) && isUpload(request)) {
      chain.doFilter(new UnparsedMultipartRequest(request, null), response);
      return;
    }
    if (request.getContentLengthLong() > limit) {
      // Rendered as a problem document by the /error controller; the body is never read.
      response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
      return;
    }
    if (isMultipart(request)) {
      byte[] body;
      try (InputStream in = new LimitedStream(request.getInputStream(), limit)) {
        body = in.readAllBytes();
      } catch (BodyTooLargeException e) {
        response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
        return;
      }
      chain.doFilter(new UnparsedMultipartRequest(request, body), response);
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  private boolean isUpload(HttpServletRequest request) {
    PathContainer path =
        PathContainer.parsePath(
            request.getRequestURI().substring(request.getContextPath().length()));
    return uploads.stream().anyMatch(pattern -> pattern.matches(path));
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /** Thrown while reading a body past the limit; the error translator answers 413. */
  public static final class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limit) {
      super("Request body exceeds " + limit + " bytes");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  /**
   * A multipart body that the container must never parse: form fields and parts come from the query
   * string only, so nothing (a CSRF check looking for a form field, Spring's multipart resolver)
   * makes it read the body. {@code body} holds it when already counted into memory (an endpoint
   * that takes no upload); null streams it unread to an upload endpoint's handler.
   */
  private static final class UnparsedMultipartRequest extends HttpServletRequestWrapper {
    private final byte[] body;
    private final Map<String, String[]> queryParameters;

    UnparsedMultipartRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
      Map<String, String[]> parameters = new LinkedHashMap<>();
      UriComponentsBuilder.newInstance()
          .query(request.getQueryString())
          .build()
          .getQueryParams()
          .forEach(
              (name, values) ->
                  parameters.put(
                      decode(name),
                      values.stream().map(v -> v == null ? "" : decode(v)).toArray(String[]::new)));
      this.queryParameters = Collections.unmodifiableMap(parameters);
    }

    private static String decode(String value) {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      return body == null
          ? super.getInputStream()
          : new BufferedStream(new ByteArrayInputStream(body));
    }

    @Override
    public Collection<Part> getParts() {
      return List.of();
    }

    @Override
    public Part getPart(String name) {
      return null;
    }

    @Override
    public String getParameter(String name) {
      String[] values = queryParameters.get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return queryParameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(queryParameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return queryParameters.get(name);
    }
  }

  private static final class BufferedStream extends ServletInputStream {
    private final ByteArrayInputStream in;

    BufferedStream(ByteArrayInputStream in) {
      this.in = in;
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      return in.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException("blocking reads only");
    }
  }

  private static final class LimitedStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limit;
    private long read;

    LimitedStream(ServletInputStream delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
