package dev.worklane.adapter.in.web.openapi;

import static dev.worklane.adapter.in.web.openapi.Schemas.integer;
import static dev.worklane.adapter.in.web.openapi.Schemas.string;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The files the app serves itself (FileController): {@code /files/download/{key}}, a signed
 * download of the local-disk store, and {@code /files/public/{key}}, a public object such as an
 * avatar. Neither takes credentials: the signature is the authorisation, public objects are public.
 * Both answer the whole file (200) or one {@code Range} (206, 416), as bytes of the stored type,
 * never an envelope. The key is the rest of the path, slashes included ({@code
 * avatars/<userId>/<file>.png}): an OpenAPI template matches one segment, so the document names the
 * whole key {@code {key}} and says so.
 */
final class FileResponses {
  /** springdoc writes Spring's capture-the-rest variable {@code {*key}} as it is. */
  static final Pattern CAPTURE_REST = Pattern.compile("\\{\\*([^}]+)}");

  private FileResponses() {}

  /** {@code /files/download/{*key}} as the template {@code /files/download/{key}}. */
  static String template(String path) {
    return CAPTURE_REST.matcher(path).replaceAll("{$1}");
  }

  static void describe(ApiOperation op) {
    if (!op.isFile()) {
      return;
    }
    boolean signed = !op.isPublicFile();
    var operation = op.operation();
    operation.setSummary(signed ? "Download a file by its signed link" : "Fetch a public object");
    operation.setDescription(
        signed
            ? "A link handed out by the API (an attachment's or a report's `downloadUrl`) while"
                + " files live on the local disk; opened as it is, without credentials: the HMAC"
                + " `signature` over key, `expires`, `name` and `type` is the authorisation. An"
                + " edited link answers 403 `LINK_INVALID`, an expired one 403 `LINK_EXPIRED`. The"
                + " body is an attachment named `name`, of type `type`, never rendered on this"
                + " origin."
            : "A public object such as an avatar (`avatarUrl`), without credentials and not"
                + " rate-limited. Keys change with each upload, so objects are immutable and"
                + " cacheable for a year.");
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(
        new Parameter()
            .in("path")
            .name("key")
            .required(true)
            .description(
                "The object key: the rest of the path, `/` included (e.g. `"
                    + (signed ? "attachments/<taskId>/<id>" : "avatars/<userId>/<file>.png")
                    + "`), exactly as in the link")
            .schema(
                string()
                    .pattern("^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$")
                    .minLength(1)
                    .maxLength(1024)));
    if (signed) {
      parameters.add(
          query(
              "expires",
              "When the link expires, in Unix epoch seconds",
              string().pattern("^[0-9]{1,19}$").maxLength(19)));
      parameters.add(
          query(
              "name",
              "The file name the download is saved as (Content-Disposition)",
              string().minLength(1).maxLength(255)));
      parameters.add(
          query(
              "type",
              "The media type the body is served as (Content-Type)",
              string()
                  .pattern("^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+( *;.*)?$")
                  .maxLength(255)));
      parameters.add(
          query(
              "signature",
              "HMAC-SHA256 of key, expires, name and type, base64url",
              string().pattern("^[A-Za-z0-9_-]+={0,2}$").minLength(1).maxLength(128)));
    }
    parameters.add(
        new Parameter()
            .in("header")
            .name("Range")
            .required(false)
            .description(
                "One byte range (`bytes=0-1023`, `bytes=1024-`, `bytes=-500`); answered with 206."
                    + " Several ranges or a malformed header are ignored (200, the whole file).")
            .schema(string().maxLength(200)));
    operation.setParameters(parameters);

    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(responses);
    responses.remove("204"); // springdoc's reading of a void handler: it always writes a body
    responses.put(
        "200",
        new ApiResponse()
            .description("The whole file")
            .content(binary())
            .headers(headers(signed, false)));
    responses.put(
        "206",
        new ApiResponse()
            .description("The requested range of the file")
            .content(binary())
            .headers(headers(signed, true)));
    if (signed) {
      responses.put(
          "403",
          new ApiResponse()
              .description(
                  "`LINK_INVALID`: a part of the link is missing, malformed or edited;"
                      + " `LINK_EXPIRED`: the link is past `expires`")
              .content(ProblemResponses.content()));
    }
    responses.put(
        "404",
        new ApiResponse()
            .description("`NOT_FOUND`: no such object (removed, or never there)")
            .content(ProblemResponses.content()));
    Header unsatisfied =
        new Header()
            .description("`bytes */<size>`: the size, to ask again for a range that exists")
            .required(true)
            .schema(string().pattern("^bytes \\*/[0-9]+$").maxLength(40));
    responses.put(
        "416",
        new ApiResponse()
            .description("`RANGE_NOT_SATISFIABLE`: the range starts beyond the end of the file")
            .content(ProblemResponses.content())
            .headers(new LinkedHashMap<>(Map.of("Content-Range", unsatisfied))));
    responses.put(
        "503",
        new ApiResponse()
            .description(
                "`STORAGE_UNAVAILABLE`: the file store is unreachable; retry after"
                    + " `Retry-After` seconds")
            .content(ProblemResponses.content()));
  }

  private static Parameter query(String name, String description, Schema<?> schema) {
    return new Parameter()
        .in("query")
        .name(name)
        .required(true)
        .description(description)
        .schema(schema);
  }

  private static Content binary() {
    Schema<Object> bytes = string();
    bytes.setFormat("binary");
    return new Content().addMediaType("*/*", new MediaType().schema(bytes));
  }

  private static Map<String, Header> headers(boolean signed, boolean partial) {
    Map<String, Header> headers = new LinkedHashMap<>();
    headers.put("Content-Length", header("Bytes in this body", integer(0, Long.MAX_VALUE), false));
    headers.put(
        "Accept-Ranges",
        header("Ranges are served", string()._enum(List.<Object>of("bytes")), false));
    if (partial) {
      headers.put(
          "Content-Range",
          header(
              "`bytes <first>-<last>/<size>`",
              string().pattern("^bytes [0-9]+-[0-9]+/[0-9]+$").maxLength(64),
              true));
    }
    if (signed) {
      headers.put(
          "Content-Disposition",
          header(
              "`attachment` with the signed `name` (`filename` and RFC 5987 `filename*`)",
              string().maxLength(1024),
              false));
    } else {
      headers.put(
          "Cache-Control",
          header(
              "Immutable for a year: keys change with each upload",
              string()._enum(List.<Object>of("public, max-age=31536000, immutable")),
              false));
      headers.put(
          "Cross-Origin-Resource-Policy",
          header(
              "Shown by clients on other origins",
              string()._enum(List.<Object>of("cross-origin")),
              false));
    }
    headers.put(
        "X-Content-Type-Options",
        header("Never sniffed", string()._enum(List.<Object>of("nosniff")), false));
    headers.put(
        "Content-Security-Policy",
        header(
            "Sandboxed: never rendered as an active document on this origin",
            string()._enum(List.<Object>of("default-src 'none'; sandbox")),
            false));
    return headers;
  }

  private static Header header(String description, Schema<?> schema, boolean required) {
    return new Header().description(description).required(required).schema(schema);
  }
}
