package dev.worklane.adapter.in.web.support;

import java.util.List;

/**
 * The API's path literals, one place per version: controllers, security rules, rate limits and the
 * deprecation headers all read them from here, so a new version does not copy them.
 */
public final class ApiPaths {
  private ApiPaths() {}

  /** Everything under {@code /api}: authenticated, rate-limited, CSRF-checked alike. */
  public static final String ALL = "/api/**";

  /**
   * The root every versioned mapping shares: {@link ApiVersioning} reads the API version from its
   * second segment ({@code v1}, {@code v2}) and each mapping says which versions it serves.
   */
  public static final String VERSIONED = "/api/v{version}";

  /** A concrete version root, for paths that security rules and filters name. */
  public static final String V1 = "/api/v1";

  public static final String V2 = "/api/v2";

  // resources, relative to a version root
  public static final String AUTH = "/auth";
  public static final String USERS = "/users";
  public static final String PROJECTS = "/projects";
  public static final String TASKS = "/tasks";
  public static final String ATTACHMENTS = "/attachments";

  /** The caller's avatar, under {@link #USERS}. */
  public static final String MY_AVATAR = "/me/avatar";

  /**
   * The endpoints that take a multipart upload and stream it themselves ({@link
   * StreamingMultipart}, with their own size limit): {@code BodySizeLimitFilter} leaves their
   * multipart bodies unbuffered and uncapped by the JSON limit. Path patterns over the request
   * path.
   */
  public static final List<String> STREAMED_UPLOADS =
      List.of(VERSIONED + TASKS + "/{taskId}" + ATTACHMENTS, VERSIONED + USERS + MY_AVATAR);

  public static final String REPORTS = "/reports";

  // v1-only endpoints named by filters and security rules
  public static final String V1_LOGIN = V1 + AUTH + "/login";
  public static final String V1_SESSION = V1 + AUTH + "/session";
  public static final String V1_REGISTER = V1 + AUTH + "/register";
  public static final String V1_REFRESH = V1 + AUTH + "/refresh";
  public static final String V1_CSRF = V1 + AUTH + "/csrf";
  public static final String V1_PASSWORD_RESET = V1 + AUTH + "/password-reset";
  public static final String V1_PASSWORD_RESET_CONFIRM = V1_PASSWORD_RESET + "/confirm";
  public static final String V1_AUTH = V1 + AUTH;
  public static final String V1_PASSWORD_CHANGE = V1 + USERS + "/me/password";
  public static final String V1_DISABLE_USER = V1 + USERS + "/*/disable";

  // Unversioned and public: no credentials, never rate-limited, in both OpenAPI documents.
  public static final String HEALTH = "/health";
  public static final String READY = "/ready";
  public static final String JWKS = "/.well-known/jwks.json";

  /** The public unlimited paths: probes (load balancers poll them) and the token-signing keys. */
  public static final List<String> PUBLIC_UNLIMITED = List.of(JWKS, HEALTH, READY);

  /**
   * Files the app serves itself, unversioned and without credentials: signed downloads of the
   * local-disk store ({@code /files/download/<key>?expires=…&name=…&type=…&signature=…}, the
   * signature is the authorisation) and public objects ({@code /files/public/<key>}, the default
   * {@code WORKLANE_PUBLIC_FILES_BASE_URL}). Both are in the OpenAPI documents, as {@code
   * /files/download/{key}} and {@code /files/public/{key}}. Downloads are rate-limited like every
   * other path; public objects are not ({@link #PUBLIC_UNLIMITED_PREFIXES}).
   */
  public static final String FILES_DOWNLOAD = "/files/download";

  public static final String FILES_PUBLIC = "/files/public";

  /**
   * Path prefixes as public and unlimited as {@link #PUBLIC_UNLIMITED}: public objects (avatars). A
   * page of the app shows dozens of avatars at once, which would drain a guest's per-IP budget; the
   * objects are immutable (a new upload gets a new key) and served with a year-long {@code
   * Cache-Control}, so browsers and a CDN fetch each one once; a miss costs one store lookup and no
   * database query. Signed downloads stay on the guest budget: each is a separate decision to fetch
   * a possibly large file.
   */
  public static final List<String> PUBLIC_UNLIMITED_PREFIXES = List.of(FILES_PUBLIC + "/");

  /** Whether {@code path} is never rate-limited: a {@link #PUBLIC_UNLIMITED} path or prefix. */
  public static boolean isPublicUnlimited(String path) {
    return PUBLIC_UNLIMITED.contains(path)
        || PUBLIC_UNLIMITED_PREFIXES.stream().anyMatch(path::startsWith);
  }

  /**
   * The admin area: browser sessions of admins only, CSRF on every unsafe request, no bearer
   * tokens. Not a versioned API: absent from the OpenAPI documents.
   */
  public static final String ADMIN_ALL = "/admin/**";

  public static final String ADMIN_QUEUES = "/admin/queues";
  public static final String ADMIN_LOGIN = "/admin/login";
  public static final String ADMIN_QUEUES_API = ADMIN_QUEUES + "/api";

  /** The root of API version {@code major}: {@code /api/v1}, {@code /api/v2}. */
  public static String root(int major) {
    return "/api/v" + major;
  }

  public static boolean isV1(String path) {
    return path.equals(V1) || path.startsWith(V1 + "/");
  }
}
