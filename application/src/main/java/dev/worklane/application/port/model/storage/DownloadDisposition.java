package dev.worklane.application.port.model.storage;

/**
 * How a signed download is served: always as {@code Content-Disposition: attachment} with the
 * (already sanitised) {@code fileName} as an RFC 6266 {@code filename*}, and with {@code
 * contentType} (the sniffed type, never the client's).
 */
public record DownloadDisposition(String fileName, String contentType) {}
