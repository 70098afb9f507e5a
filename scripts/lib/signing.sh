# Throw-away code-signing credentials for scripts/test (never for a release: the releaser
# provides the real certificate, see scripts/sign-dlls). Needs lib/common.sh.

# Writes into directory $1 (which the caller creates and deletes):
#   cert.pem      a self-signed RSA-3072 certificate for code signing (extendedKeyUsage
#                 codeSigning), valid for 2 days, also the only root verification trusts
#   key.pem       its private key, unencrypted;  key-encrypted.pem  the same, AES-256 encrypted
#   signer.p12    key + certificate as PKCS#12, encrypted
#   password      the random password of signer.p12 and key-encrypted.pem
#   other-ca.pem  an unrelated self-signed certificate: a root that must NOT verify our DLLs
#   tsa-cert.pem, tsa-key.pem, tsa.cnf, tsa-serial
#                 a time-stamp authority (extendedKeyUsage timeStamping) for start_throwaway_tsa
make_throwaway_signer() {
  local dir=$1
  ensure_packages openssl:openssl
  (
    umask 077
    cd "$dir"
    openssl rand -hex 24 > password
    openssl req -x509 -newkey rsa:3072 -sha256 -nodes -days 2 \
      -keyout key.pem -out cert.pem \
      -subj "/CN=wts-bridge throw-away test signer $(date -u +%Y%m%dT%H%M%SZ)" \
      -addext "basicConstraints=critical,CA:FALSE" \
      -addext "keyUsage=critical,digitalSignature" \
      -addext "extendedKeyUsage=codeSigning" 2>/dev/null
    openssl pkey -in key.pem -aes256 -passout file:password -out key-encrypted.pem
    openssl pkcs12 -export -inkey key.pem -in cert.pem -name "wts-bridge throw-away" \
      -passout file:password -out signer.p12
    openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 2 -keyout other-key.pem \
      -out other-ca.pem -subj "/CN=wts-bridge unrelated root" 2>/dev/null
    openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 2 -keyout tsa-key.pem \
      -out tsa-cert.pem -subj "/CN=wts-bridge throw-away time-stamp authority" \
      -addext "basicConstraints=critical,CA:FALSE" \
      -addext "keyUsage=critical,digitalSignature" \
      -addext "extendedKeyUsage=critical,timeStamping" 2>/dev/null
    echo 01 > tsa-serial
    cat > tsa.cnf <<'EOF'
[ tsa ]
default_tsa = throwaway
[ throwaway ]
serial = ./tsa-serial
signer_cert = ./tsa-cert.pem
signer_key = ./tsa-key.pem
signer_digest = sha256
default_policy = 1.3.6.1.4.1.4146.999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
EOF
  )
}

# Starts scripts/lib/throwaway-tsa.py on 127.0.0.1 for the signer directory $1; sets TSA_URL and
# TSA_PID (the caller stops it: kill "$TSA_PID").
start_throwaway_tsa() {
  local dir=$1 port="" tries
  ensure_packages python3:python3
  python3 "$ROOT/scripts/lib/throwaway-tsa.py" "$dir" >"$dir/tsa.port" 2>"$dir/tsa.log" &
  TSA_PID=$!
  for ((tries = 0; tries < 50; tries++)); do
    port="$(head -1 "$dir/tsa.port" 2>/dev/null || true)"
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" ]] || { cat "$dir/tsa.log" >&2; log "the throw-away time-stamp authority did not start"; return 1; }
  TSA_URL="http://127.0.0.1:$port/"
}
