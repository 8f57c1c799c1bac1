#!/usr/bin/env bash
# Test PKI for the DTLS tests, made with the openssl CLI into the directory given (ECDSA P-256,
# RFC 7925 §4.4.2; Endpoint IDs in a subjectAltName URI, USP digest §9.2):
#   ca.pem/ca.key          the trusted CA
#   agent.pem/.key         urn:bbf:usp:id:os::00256D-0000000001      (our side)
#   controller.pem/.key    urn:bbf:usp:id:proto::controller-1        (the peer)
#   expired.pem/.key       signed by ca, valid 2020-01-01 .. 2021-01-01
#   other-ca.pem, stranger.pem/.key   a certificate from an unrelated CA
#   files.pem/.key         signed by ca, IP:127.0.0.1, no Endpoint ID  (a coaps:// file server)
#   files-elsewhere.pem    signed by ca, IP:127.0.0.2 + DNS:files.example (a file server of another host)
#   admin.pem/.key         signed by ca, urn:bbf:usp:id:proto::admin (no Controller row: roles from its CA)
#   tofu.pem, tofu2.pem    self-signed, both urn:bbf:usp:id:proto::tofu (trust on first use)
#   impostor.pem/.key      self-signed, urn:bbf:usp:id:proto::controller-1 (TOFU may not claim a known Controller)
#   admin-self.pem/.key    self-signed, urn:bbf:usp:id:proto::admin (a Controller's server, TOFU when we call)
set -euo pipefail
dir=$1
mkdir -p "$dir"
cd "$dir"

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

ca() { # name cn
  key "$1.key"
  openssl req -new -x509 -key "$1.key" -out "$1.pem" -days 3650 -subj "/CN=$2" -sha256 \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}

# leaf name ca san [startdate enddate]
leaf() {
  key "$1.key"
  openssl req -new -key "$1.key" -out "$1.csr" -subj "/CN=$1" 2>/dev/null
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectAltName=%s\n' "$3" > "$1.ext"
  if [ $# -ge 5 ]; then
    # openssl x509 (3.0) cannot set past dates: use a throwaway `openssl ca` database.
    mkdir -p ca-db && : > ca-db/index.txt && echo 1000 > ca-db/serial
    cat > ca-db/ca.cnf <<CNF
[ca]
default_ca = d
[d]
database = ca-db/index.txt
serial = ca-db/serial
new_certs_dir = ca-db
default_md = sha256
policy = p
copy_extensions = none
[p]
commonName = supplied
CNF
    openssl ca -batch -config ca-db/ca.cnf -cert "$2.pem" -keyfile "$2.key" -in "$1.csr" -out "$1.pem" \
      -startdate "$4" -enddate "$5" -extfile "$1.ext" -notext 2>/dev/null
  else
    openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -out "$1.pem" -days 825 \
      -sha256 -extfile "$1.ext" 2>/dev/null
  fi
  rm -f "$1.csr" "$1.ext"
}

ca ca "tinyusp test CA"
ca other-ca "unrelated CA"
leaf agent ca "URI:urn:bbf:usp:id:os::00256D-0000000001"
leaf controller ca "URI:urn:bbf:usp:id:proto::controller-1"
leaf expired ca "URI:urn:bbf:usp:id:proto::expired" 20200101000000Z 20210101000000Z
leaf stranger other-ca "URI:urn:bbf:usp:id:proto::stranger"
leaf files ca "IP:127.0.0.1"
leaf files-elsewhere ca "IP:127.0.0.2,DNS:files.example"
leaf admin ca "URI:urn:bbf:usp:id:proto::admin"
# selfsigned name san: a Controller's own certificate that chains to no CA (TOFU, R-SEC.6)
selfsigned() {
  key "$1.key"
  openssl req -new -x509 -key "$1.key" -out "$1.pem" -days 825 -subj "/CN=$1" -sha256 \
    -addext basicConstraints=critical,CA:FALSE -addext keyUsage=critical,digitalSignature -addext "subjectAltName=$2" 2>/dev/null
}
selfsigned tofu "URI:urn:bbf:usp:id:proto::tofu"
selfsigned tofu2 "URI:urn:bbf:usp:id:proto::tofu"
selfsigned impostor "URI:urn:bbf:usp:id:proto::controller-1"
selfsigned admin-self "URI:urn:bbf:usp:id:proto::admin"
