/*
 * tinyusp DTLS shim: a sans-I/O DTLS 1.2 session API over mbedTLS 3.6 (issue 11).
 *
 * No sockets, timers or clocks: the host feeds received datagrams, takes the datagrams to send,
 * and passes a monotonic clock in milliseconds; mbedTLS's retransmission timer (RFC 6347
 * §4.2.4) is driven from that clock. Entropy comes from the host through
 * tinyusp_dtls_entropy() (a WebAssembly import, or a C function of the native host).
 *
 * The same C is compiled to WebAssembly for Node (hal/host/dtls.ts) and natively for the XS
 * runner and the board; every function here is a WebAssembly export.
 */
#ifndef TINYUSP_DTLS_H
#define TINYUSP_DTLS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __wasm__
#define TUD_EXPORT(name) __attribute__((export_name(#name)))
#define TUD_IMPORT(name) __attribute__((import_module("env"), import_name(#name)))
#else
#define TUD_EXPORT(name)
#define TUD_IMPORT(name)
#endif

/* Supplied by the host: fill buf with len bytes from a cryptographically secure source.
 * Returns 0 on success. */
TUD_IMPORT(tinyusp_dtls_entropy) int tinyusp_dtls_entropy(unsigned char *buf, size_t len);

typedef struct tud_ctx tud_ctx;
typedef struct tud_session tud_session;

/* Session states (mirrored by hal/host/dtls.ts). */
enum { TUD_HANDSHAKING = 0, TUD_OPEN = 1, TUD_CLOSED = 2, TUD_FAILED = 3 };

/* Results of tud_server_hello (RFC 6347 §4.2.1, stateless cookie exchange). */
enum { TUD_HELLO_DROP = -1, TUD_HELLO_ACCEPT = 0 /* > 0: HelloVerifyRequest length */ };

/* Allocation inside the module's heap, for the host's I/O buffers. */
TUD_EXPORT(tud_alloc) void *tud_alloc(size_t n);
TUD_EXPORT(tud_dealloc) void tud_dealloc(void *p);

/* Wall time in Unix seconds for certificate validity (R-MTP.2/3); negative while unknown, in
 * which case notBefore/notAfter are not checked (USP digest §7.2). */
TUD_EXPORT(tud_set_wall_time) void tud_set_wall_time(double unix_seconds);

/* --- Context: one per role and credential set; sessions share it. --- */
TUD_EXPORT(tud_ctx_new)
tud_ctx *tud_ctx_new(int server, uint32_t hs_min_ms, uint32_t hs_max_ms, uint32_t mtu,
                     uint32_t session_cap_bytes);
/* PEM (with its BEGIN line) or DER. Returns 0 or a negative mbedTLS error. */
TUD_EXPORT(tud_ctx_add_ca) int tud_ctx_add_ca(tud_ctx *c, const uint8_t *buf, size_t len);
TUD_EXPORT(tud_ctx_set_own)
int tud_ctx_set_own(tud_ctx *c, const uint8_t *cert, size_t cert_len, const uint8_t *key,
                    size_t key_len);
/* Client: the identity and key it uses (one). Server: one accepted identity per call. */
TUD_EXPORT(tud_ctx_add_psk)
int tud_ctx_add_psk(tud_ctx *c, const uint8_t *id, size_t id_len, const uint8_t *key,
                    size_t key_len);
/* Fixes the suites and the peer-authentication mode from the credentials given. */
TUD_EXPORT(tud_ctx_finish) int tud_ctx_finish(tud_ctx *c);
TUD_EXPORT(tud_ctx_free) void tud_ctx_free(tud_ctx *c);
/* Bytes the context holds (credentials, configuration). */
TUD_EXPORT(tud_ctx_memory) size_t tud_ctx_memory(const tud_ctx *c);

/* --- Server entry point before any session exists (RFC 6347 §4.2.1) ---
 * `peer` identifies the client's transport address (e.g. "192.0.2.1:5684"). A ClientHello
 * without a valid cookie gets a HelloVerifyRequest written to `out` (its length returned);
 * one with a valid cookie returns TUD_HELLO_ACCEPT: create the session with tud_server_new and
 * feed it the same datagram. Anything else returns TUD_HELLO_DROP. No state is kept. */
TUD_EXPORT(tud_server_hello)
int tud_server_hello(tud_ctx *c, const uint8_t *dgram, size_t len, const uint8_t *peer,
                     size_t peer_len, uint8_t *out, size_t out_cap, double now_ms);
TUD_EXPORT(tud_server_new)
tud_session *tud_server_new(tud_ctx *c, const uint8_t *peer, size_t peer_len);
/* `server_name` (may be NULL) is checked against the server certificate's names; NULL leaves
 * the identity check to the caller (the USP Endpoint ID, R-MTP.4). */
TUD_EXPORT(tud_client_new)
tud_session *tud_client_new(tud_ctx *c, const char *server_name);

/* --- Session I/O; every call may queue datagrams to send (tud_out_*). --- */
/* One received datagram. Afterwards call tud_read until it returns <= 0. Returns the state. */
TUD_EXPORT(tud_feed) int tud_feed(tud_session *s, const uint8_t *dgram, size_t len, double now_ms);
/* Drives the handshake and its retransmission timer. Returns the state. */
TUD_EXPORT(tud_step) int tud_step(tud_session *s, double now_ms);
/* Monotonic ms of the next timer expiry, or -1 when no timer runs. */
TUD_EXPORT(tud_next_timeout) double tud_next_timeout(const tud_session *s);
/* Decrypted application data of one record: > 0 bytes, 0 none, < 0 closed or failed. */
TUD_EXPORT(tud_read) int tud_read(tud_session *s, uint8_t *out, size_t cap, double now_ms);
/* Encrypts one record. Returns len or a negative mbedTLS error. */
TUD_EXPORT(tud_write) int tud_write(tud_session *s, const uint8_t *data, size_t len, double now_ms);
/* The record path of an open session in one call each (a DTLS Get moves four records; the
 * calls above cost two to four crossings, a heap copy of each datagram and a queued copy of each
 * record sent). The datagram and the data are read in place during the call only.
 * tud_feed_read: feeds one datagram and reads the first application record in it into `out`.
 * Returns its length (0: none, e.g. a retransmitted handshake message, a replayed or forged
 * record, all dropped as before), with TUD_OUT_PENDING set when datagrams wait in tud_out_take;
 * or -1 once the session is closed or failed (tud_state says which). A datagram holding more
 * records: call tud_read for the others. On a session that is not open it is tud_feed's
 * (returns 0 or -1 the same way; the state may have changed: ask tud_state). */
#define TUD_OUT_PENDING 0x40000000
TUD_EXPORT(tud_feed_read)
int tud_feed_read(tud_session *s, const uint8_t *dgram, size_t len, uint8_t *out, size_t cap, double now_ms);
/* tud_write_take: encrypts one record of `data` and writes its datagram to `out` (nothing is
 * queued for it). Returns the datagram's length, with TUD_OUT_PENDING set when (other)
 * datagrams wait in tud_out_take, or a negative mbedTLS error (nothing sent). */
TUD_EXPORT(tud_write_take)
int tud_write_take(tud_session *s, const uint8_t *data, size_t len, uint8_t *out, size_t cap, double now_ms);
/* Largest application payload of one record (depends on MTU and suite). */
TUD_EXPORT(tud_max_payload) int tud_max_payload(tud_session *s);
TUD_EXPORT(tud_out_len) size_t tud_out_len(const tud_session *s);
/* Copies and removes the oldest queued datagram; returns its length or 0. */
TUD_EXPORT(tud_out_take) size_t tud_out_take(tud_session *s, uint8_t *buf, size_t cap);
TUD_EXPORT(tud_state) int tud_state(const tud_session *s);
/* Last mbedTLS error (negative) that ended the session, or 0. */
TUD_EXPORT(tud_error) int tud_error(const tud_session *s);
/* Sends close_notify if open; the session stays allocated until tud_free. */
/* Whether an allocation was refused because of the session's memory cap. */
TUD_EXPORT(tud_over_limit) int tud_over_limit(const tud_session *s);
TUD_EXPORT(tud_close) void tud_close(tud_session *s);
TUD_EXPORT(tud_free) void tud_free(tud_session *s);
/* Heap bytes this session holds now, and the most it ever held. */
TUD_EXPORT(tud_memory) size_t tud_memory(const tud_session *s);
TUD_EXPORT(tud_memory_peak) size_t tud_memory_peak(const tud_session *s);

/* --- Facts of an open session --- */
/* IANA name of the negotiated suite (static string), or NULL. */
TUD_EXPORT(tud_ciphersuite) const char *tud_ciphersuite(const tud_session *s);
/* PSK identity used (server: the client's; client: its own). Returns length or -1. */
TUD_EXPORT(tud_psk_identity) int tud_psk_identity(const tud_session *s, uint8_t *out, size_t cap);
/* Peer certificate (verified: the handshake fails otherwise). DER length or -1. */
TUD_EXPORT(tud_peer_cert_der) int tud_peer_cert_der(const tud_session *s, uint8_t *out, size_t cap);
/* USP Endpoint ID from the first subjectAltName URI "urn:bbf:usp:id:<id>" (USP digest §9.1,
 * R-SEC.0a): the bare <id> written to out; length, or -1 when the certificate has none. */
TUD_EXPORT(tud_peer_endpoint_id)
int tud_peer_endpoint_id(const tud_session *s, uint8_t *out, size_t cap);
/* Validity of the peer certificate, Unix seconds (UTC). NaN without a certificate. */
TUD_EXPORT(tud_peer_not_before) double tud_peer_not_before(const tud_session *s);
TUD_EXPORT(tud_peer_not_after) double tud_peer_not_after(const tud_session *s);
/* 1 when wall time was known as the peer chain was verified (dates checked), 0 when the dates
 * were ignored and must be checked once time is known (R-MTP.3). */
TUD_EXPORT(tud_peer_dates_checked) int tud_peer_dates_checked(const tud_session *s);
/* mbedTLS X.509 verification flags of the peer chain (0 = verified). */
TUD_EXPORT(tud_peer_verify_flags) uint32_t tud_peer_verify_flags(const tud_session *s);

/* --- Trust facts (USP digest §9.3 Check-cert / Determine-role, R-SEC.25; TOFU) --- */
/* A context that accepts untrusted chains lets a peer chain that leads to none of its trust
 * anchors complete the handshake, marked untrusted (tud_peer_untrusted); every other certificate
 * verdict still fails it. Off by default; takes effect for certificates verified afterwards. */
TUD_EXPORT(tud_ctx_accept_untrusted) void tud_ctx_accept_untrusted(tud_ctx *c, int on);
/* SHA-256 of the certificate at `depth` of the verified peer chain (0: the peer's own, then its
 * issuers up to the trust anchor when one was reached; at most 4): 32 written, or -1. */
TUD_EXPORT(tud_peer_chain_sha256) int tud_peer_chain_sha256(const tud_session *s, int depth, uint8_t *out);
/* 1 when the peer chain led to no trust anchor (let through by tud_ctx_accept_untrusted). */
TUD_EXPORT(tud_peer_untrusted) int tud_peer_untrusted(const tud_session *s);
/* The `index`-th certificate of a PEM bundle (or a DER certificate, index 0): writes its
 * SHA-256 (32 bytes), then "<serial as hex pairs>\n<issuer DN>" (RFC 4514-like, mbedTLS's form).
 * Returns the length written, or -1 (no such certificate, or cap too small). */
TUD_EXPORT(tud_x509_info) int tud_x509_info(const uint8_t *buf, size_t len, int index, uint8_t *out, size_t cap);

#endif /* TINYUSP_DTLS_H */
