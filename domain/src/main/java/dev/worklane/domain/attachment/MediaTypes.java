package dev.worklane.domain.attachment;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Media types as attachments use them: a client's declared type reduced to {@code type/subtype},
 * and whether the type sniffed from the bytes agrees with it.
 *
 * <p>Sniffing sees structure, not intent: an Office document is a ZIP (OOXML, OpenDocument) or an
 * OLE2 file (legacy Office) to a byte sniffer, and a CSV file is plain text. Those generic answers
 * agree with the specific declared type; anything else must be the declared type itself, so an HTML
 * page declared as {@code image/png} is caught.
 */
public final class MediaTypes {
  public static final String OCTET_STREAM = "application/octet-stream";

  private static final Pattern TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

  private static final Set<String> ZIP_CONTAINERS =
      Set.of("application/zip", "application/x-tika-ooxml", "application/x-zip-compressed");
  private static final Set<String> OLE_CONTAINERS =
      Set.of("application/x-tika-msoffice", "application/x-ole-storage");
  private static final Set<String> LEGACY_OFFICE =
      Set.of("application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint");
  private static final Set<String> TEXT = Set.of("text/plain", "text/csv");

  private MediaTypes() {}

  /**
   * {@code Image/PNG; charset=x} → {@code image/png}; missing or malformed → {@value
   * #OCTET_STREAM}. The result is safe to echo (a token pattern, at most 191 characters).
   */
  public static String normalise(String raw) {
    if (raw == null) {
      return OCTET_STREAM;
    }
    int parameters = raw.indexOf(';');
    String type = (parameters < 0 ? raw : raw.substring(0, parameters)).strip();
    type = type.toLowerCase(Locale.ROOT);
    return TYPE.matcher(type).matches() ? type : OCTET_STREAM;
  }

  /**
   * Whether bytes sniffed as {@code sniffed} may be what the client declared as {@code declared}.
   */
  public static boolean agree(String declared, String sniffed) {
    return declared.equals(sniffed) || generalises(sniffed, declared);
  }

  /**
   * The type to serve a file as: the declared type when the sniffed one is only its generic
   * container (the declared one is more precise and was checked against it), else the sniffed one.
   */
  public static String served(String declared, String sniffed) {
    return generalises(sniffed, declared) ? declared : sniffed;
  }

  /** {@code generic} is what a byte sniffer says for a file of the more specific {@code type}. */
  private static boolean generalises(String generic, String type) {
    if (generic.equals(type)) {
      return false;
    }
    if (ZIP_CONTAINERS.contains(generic)) {
      return type.equals("application/zip")
          || type.startsWith("application/vnd.openxmlformats-officedocument.")
          || type.startsWith("application/vnd.oasis.opendocument.");
    }
    if (OLE_CONTAINERS.contains(generic)) {
      return LEGACY_OFFICE.contains(type);
    }
    return generic.equals("text/plain") && TEXT.contains(type);
  }
}
