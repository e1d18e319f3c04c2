#!/bin/sh
# Writes a JWK set (RFC 7517) with one private EC P-256 signing key (ES256, kid "wl-<epoch>"),
# the format WORKLANE_JWT_KEYS_FILE expects. Needs only openssl and coreutils.
#
#   docker/generate-jwks.sh docker/secrets/jwks.json            # new set (refuses to overwrite)
#   docker/generate-jwks.sh --rotate docker/secrets/jwks.json   # new key first, old keys kept
#
# The first key signs new tokens; the keys after it stay published on /.well-known/jwks.json,
# so tokens they signed stay valid. Drop an old key once the access-token TTL has passed.
set -eu

rotate=false
if [ "${1:-}" = "--rotate" ]; then rotate=true; shift; fi
out="${1:?usage: $0 [--rotate] FILE}"

if [ -e "$out" ] && [ "$rotate" = false ]; then
  echo "$out exists; use --rotate to add a new signing key" >&2; exit 1
fi
if [ ! -e "$out" ] && [ "$rotate" = true ]; then
  echo "$out does not exist; nothing to rotate" >&2; exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
umask 077

# SEC1 DER of a P-256 key is 121 bytes: 30 77 02 01 01 04 20 <d:32> a0 0a <oid> a1 44 03 42 00 04 <x:32> <y:32>
openssl ecparam -name prime256v1 -genkey -noout -outform DER -out "$tmp/key.der"
[ "$(wc -c < "$tmp/key.der" | tr -d ' ')" = 121 ] || { echo "unexpected key encoding" >&2; exit 1; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
d=$(tail -c +8  "$tmp/key.der" | head -c 32 | b64url)
x=$(tail -c +58 "$tmp/key.der" | head -c 32 | b64url)
y=$(tail -c +90 "$tmp/key.der" | head -c 32 | b64url)
kid="wl-$(date +%s)"
key="{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\"$kid\",\"x\":\"$x\",\"y\":\"$y\",\"d\":\"$d\"}"

mkdir -p "$(dirname "$out")"
if [ "$rotate" = true ]; then
  # Put the new key first in the existing {"keys":[...]} set.
  old=$(tr -d '\n' < "$out")
  case "$old" in
    *'"keys"'*) ;;
    *) echo "$out is not a JWK set" >&2; exit 1 ;;
  esac
  printf '%s\n' "$old" | sed "s/\"keys\"[[:space:]]*:[[:space:]]*\[/\"keys\":[$key,/" > "$tmp/set.json"
else
  printf '{"keys":[%s]}\n' "$key" > "$tmp/set.json"
fi
# Readable by the container's non-root user (uid 10001) through the bind mount; the file
# is git-ignored. Outside a developer machine use a secret store instead.
chmod 644 "$tmp/set.json"
mv "$tmp/set.json" "$out"
echo "wrote $out (signing kid $kid)"
