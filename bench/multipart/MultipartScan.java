import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.fileupload2.core.MultipartInput;

/**
 * The upload's multipart parsing alone, from memory (no socket, no disk): the file part of the body
 * that bench/upload.sh sends, read through Commons FileUpload 2's {@link MultipartInput} (what
 * {@code StreamingMultipart} uses) and through a Boyer-Moore-Horspool search for the delimiter
 * ({@code CRLF--boundary}) over a 64 KB window, which is what a parser of our own would pay. MiB of
 * body per second, a fresh pass each round in one JVM (the first rounds include JIT warm-up).
 *
 * <p>{@code java -cp <fileupload2-core>:<commons-io> MultipartScan.java <body> <boundary> [rounds]}
 */
public final class MultipartScan {
  public static void main(String[] args) throws IOException {
    byte[] body = Files.readAllBytes(Path.of(args[0]));
    byte[] boundary = args[1].getBytes(StandardCharsets.US_ASCII);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    for (int bufferSize : new int[] {4096, 65536}) {
      for (int round = 1; round <= rounds; round++) {
        long start = System.nanoTime();
        long bytes = fileUpload(body, boundary, bufferSize);
        report("FileUpload MultipartInput, " + bufferSize / 1024 + " KB buffer", round, bytes, start);
      }
    }
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      long bytes = horspool(body, boundary);
      report("Horspool delimiter search, 64 KB window", round, bytes, start);
    }
  }

  private static long fileUpload(byte[] body, byte[] boundary, int bufferSize) throws IOException {
    MultipartInput input =
        MultipartInput.builder()
            .setInputStream(new ByteArrayInputStream(body))
            .setBoundary(boundary)
            .setBufferSize(bufferSize)
            .get();
    if (!input.skipPreamble()) {
      throw new IllegalStateException("no part");
    }
    input.readHeaders();
    InputStream part = input.newInputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = part.read(buffer, 0, buffer.length)) >= 0; ) {
      total += n;
    }
    return total;
  }

  /** The bytes before the first CRLF--boundary, copied out 64 KB at a time as a stream would. */
  private static long horspool(byte[] body, byte[] boundary) throws IOException {
    byte[] delimiter = new byte[boundary.length + 4];
    delimiter[0] = '\r';
    delimiter[1] = '\n';
    delimiter[2] = '-';
    delimiter[3] = '-';
    System.arraycopy(boundary, 0, delimiter, 4, boundary.length);
    int m = delimiter.length;
    int[] shift = new int[256];
    Arrays.fill(shift, m);
    for (int i = 0; i < m - 1; i++) {
      shift[delimiter[i] & 0xff] = m - 1 - i;
    }
    InputStream in = new ByteArrayInputStream(body);
    byte[] window = new byte[64 * 1024 + m];
    byte[] out = new byte[64 * 1024];
    int length = 0;
    long total = 0;
    boolean found = false;
    while (!found) {
      int n = in.read(window, length, window.length - length);
      if (n < 0) {
        break;
      }
      length += n;
      int i = 0;
      while (i <= length - m) {
        int j = m - 1;
        while (j >= 0 && window[i + j] == delimiter[j]) {
          j--;
        }
        if (j < 0) {
          found = true;
          break;
        }
        i += shift[window[i + m - 1] & 0xff];
      }
      int keep = found ? length - i : Math.min(length, m - 1);
      int emit = length - keep;
      System.arraycopy(window, 0, out, 0, Math.min(emit, out.length));
      total += emit;
      System.arraycopy(window, emit, window, 0, keep);
      length = keep;
    }
    return total;
  }

  private static void report(String what, int round, long bytes, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%-44s round %d: %6.1f MB/s%n", what, round, bytes / 1048576.0 / seconds);
  }
}
