package dev.worklane.adapter.in.web.file;

import java.io.IOException;

/**
 * The store failed while a file was being read and before anything was sent: answered like any
 * other storage outage, 503 {@code STORAGE_UNAVAILABLE}.
 */
public class FileReadFailedException extends RuntimeException {
  FileReadFailedException(IOException cause) {
    super("reading the file failed", cause);
  }
}
