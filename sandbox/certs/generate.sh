#!/usr/bin/env bash
# Regenerates the sandbox CA and the localhost server certificate. Sandbox only: never use these anywhere else.
# Needs OpenSSL >= 3.0 (`req -x509 -CA`). The CA key is deleted at the end, so nothing else can be signed with it.
set -euo pipefail
cd "$(dirname "$0")"

days=7300 # 20 years

openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days "$days" \
  -subj "/O=tenant-hub sandbox/CN=tenant-hub sandbox CA" \
  -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout ca-key.pem -out ca.pem

openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days "$days" \
  -CA ca.pem -CAkey ca-key.pem \
  -subj "/O=tenant-hub sandbox/CN=localhost" \
  -addext "basicConstraints=critical,CA:FALSE" \
  -addext "keyUsage=critical,digitalSignature,keyEncipherment" \
  -addext "extendedKeyUsage=serverAuth" \
  -addext "subjectAltName=DNS:localhost,DNS:*.localhost,IP:127.0.0.1" \
  -keyout localhost-key.pem -out localhost.pem

rm ca-key.pem
openssl verify -CAfile ca.pem localhost.pem
