package dev.worklane.application.port.in.file;

/**
 * A signed download link that must not be served: 403 {@code LINK_INVALID} (signature does not
 * match, i.e. the URL was edited or forged) or {@code LINK_EXPIRED}.
 */
public class FileLinkRejectedException extends RuntimeException {

  /** Why the link was refused; the web layer turns it into the problem code. */
  public enum Reason {
    INVALID,
    EXPIRED
  }

  private final Reason reason;

  public FileLinkRejectedException(Reason reason) {
    super(
        reason == Reason.EXPIRED
            ? "The download link has expired; ask for a new one"
            : "The download link is not valid");
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
