#!/usr/bin/env bash
# Benchmark (issue #13 §10, where the upload's time goes): the multipart parsing of a SIZE_MB file
# part alone, in memory — Commons FileUpload 2's MultipartInput (4 KB and 64 KB buffers) against a
# Boyer-Moore-Horspool delimiter search (bench/multipart/MultipartScan.java). Same body as
# bench/upload.sh sends.
#   bench/multipart-scan.sh
#   SIZE_MB=200 ROUNDS=10 bench/multipart-scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-100}
ROUNDS=${ROUNDS:-8}
OUT=$(mktemp -d /tmp/worklane-bench-multipart.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
. bench/lib.sh
bench_jar
# The parser's jars as the app ships them (from the jar, built when missing).
unzip -q -j -d "$OUT" "$JAR" 'BOOT-INF/lib/commons-fileupload2-core-*' 'BOOT-INF/lib/commons-io-*'
boundary=worklane-bench-boundary
{ printf -- '--%s\r\nContent-Disposition: form-data; name="file"; filename="bench.txt"\r\nContent-Type: text/plain\r\n\r\n' "$boundary"
  (base64 -w 76 /dev/urandom || true) | head -c "$((SIZE_MB * 1024 * 1024))"
  printf -- '\r\n--%s--\r\n' "$boundary"; } >"$OUT/body"
"$JAVA" -Xmx$((SIZE_MB * 2 + 128))m -cp "$OUT/*" bench/multipart/MultipartScan.java "$OUT/body" "$boundary" "$ROUNDS"
