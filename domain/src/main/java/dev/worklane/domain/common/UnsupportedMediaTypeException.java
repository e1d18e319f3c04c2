package dev.worklane.domain.common;

/**
 * A file's declared media type is not on the allow-list of what may be uploaded there. Answered
 * with 415 {@code UNSUPPORTED_MEDIA_TYPE}; the file is refused before any byte is stored.
 */
public final class UnsupportedMediaTypeException extends InvalidInputException {
  public UnsupportedMediaTypeException(String field, String mediaType) {
    super("UNSUPPORTED_MEDIA_TYPE", field, field + " of type " + mediaType + " is not accepted");
  }
}
