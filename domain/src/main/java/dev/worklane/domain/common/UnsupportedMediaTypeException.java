package dev.worklane.domain.common;

/**
 * An uploaded content is of a type its use does not accept, as told by its bytes (an avatar that is
 * a GIF, or an HTML page named {@code avatar.png}). Answered 415 {@code UNSUPPORTED_MEDIA_TYPE}.
 */
public final class UnsupportedMediaTypeException extends DomainException {

  public UnsupportedMediaTypeException(String message) {
    super("UNSUPPORTED_MEDIA_TYPE", message);
  }
}
