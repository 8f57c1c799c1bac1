// Device.LocalAgent.Certificate.{i}. and its operations (USP digest §9.4; TR-181 LocalAgent:
// Certificate.{i}.Delete(), GetFingerprint(), LocalAgent.AddCertificate(),
// SupportedFingerprintAlgorithms). Rows come from three places: the trust anchors given at start
// (--ca), the certificates TOFU stored (src/usp/trust.ts), and AddCertificate(). A row is what
// Controller.{i}.Credential pins and ControllerTrust.Credential.{i} binds to Roles; the
// certificate itself is parsed in C (the DTLS HAL's describeCertificates, mbedTLS's X.509 code)
// and only its SHA-256 (over the DER), serial number and issuer are kept.
import type { CommandHandler, ObjectDef } from '../dm/api.ts';
import { alias as aliasParam, bool, enable, param, str } from '../dm/define.ts';
import { toHex } from '../codec/hex.ts';
import { stripDot } from '../dm/paths.ts';
import { ErrorCode, UspError } from '../errors.ts';
import { CERTIFICATE_TABLE, CONTROLLER_TABLE, CONTROLLER_TRUST } from '../names.ts';
import { SHA_ALGORITHMS, aliasAnd } from './shared.ts';

const f = Object.freeze;

/** TR-181's FingerprintAlgorithm values are SHA_ALGORITHMS; this Agent keeps SHA-256 only. */
export const SUPPORTED_FINGERPRINT_ALGORITHMS = 'SHA-256';
/** Largest PEM AddCertificate() takes; the USP message carrying it is bounded by the board (limits.messageBytes). */
const PEM_MAX = 4096;

export const ADD_CERTIFICATE = f({
  name: 'AddCertificate()', async: false,
  // Alias: the Alias parameter's own definition (the same rules; arguments ignore `access`).
  input: f([aliasParam(), str('Certificate', PEM_MAX, { mandatory: true })]),
});

export const CERTIFICATE_OBJECT: ObjectDef = f({
  path: CERTIFICATE_TABLE + '{i}.',
  // Rows the Agent makes (no USP Add/Delete): the commands below are the Controller's way.
  uniqueKeys: aliasAnd('SerialNumber', 'Issuer'),
  params: f([
    aliasParam(), enable(), str('SerialNumber', 64), str('Issuer', 256),
    // Vendor extensions. SHA-256 of the DER: what Check-cert compares (serial and issuer of a
    // certificate that chains to no CA prove nothing); GetFingerprint('SHA-256') returns it.
    str('X_TINYUSP_SHA256', 64, { pattern: '[0-9a-f]{64}|' }),
    // A trust anchor of the DTLS configuration (--ca): its row cannot be deleted from here.
    bool('X_TINYUSP_TrustAnchor'),
    // Revoked by the operator: a Controller whose chain holds it gets BannedRole only (§9.3).
    bool('X_TINYUSP_Revoked', { access: 'W' }),
  ]),
  commands: f([
    f({ name: 'Delete()', async: false }),
    f({
      name: 'GetFingerprint()', async: false,
      input: f([str('FingerprintAlgorithm', 8, { mandatory: true, enum: SHA_ALGORITHMS })]),
      output: f([param('Fingerprint', 'hexBinary', { maxLength: 64 })]),
    }),
  ]),
});

/**
 * Certificate.{i}.Delete(). Refused while a Controller.{i}.Credential or a
 * ControllerTrust.Credential.{i} names the row: TR-106 would clear those strong references, which
 * silently unpins a Controller (R-SEC.8: then any certificate of a trusted CA naming its Endpoint
 * ID speaks for it) or takes away the Roles a CA grants. The operator clears or deletes the
 * reference first, which is a visible, separate change. A trust anchor given at start is
 * refused too: it stays in the DTLS configuration, so deleting its row would hide it, not remove it.
 */
const deleteCertificate: CommandHandler = (ctx, call, txn) => {
  if (txn.get(call.objPath + 'X_TINYUSP_TrustAnchor') === 'true') {
    throw new UspError(ErrorCode.COMMAND_FAILURE, `${call.objPath} is a trust anchor of the DTLS configuration (--ca); remove it there`);
  }
  // The rows whose strong reference names this one: Controller.{i}.Credential, ControllerTrust.Credential.{i}.Credential.
  const refs: string[] = [];
  for (const table of [CONTROLLER_TABLE, CONTROLLER_TRUST + 'Credential.']) {
    for (const r of ctx.engine.instances(table, true)) if (stripDot(ctx.engine.get(r.path + 'Credential')) === stripDot(call.objPath)) refs.push(r.path + 'Credential');
  }
  if (refs.length > 0) throw new UspError(ErrorCode.COMMAND_FAILURE, `${call.objPath} is still referenced by ${refs.join(', ')}; clear that first`);
  txn.agentDelete(call.objPath);
  return {};
};

const getFingerprint: CommandHandler = (_ctx, call, txn) => {
  if (call.input.FingerprintAlgorithm !== SUPPORTED_FINGERPRINT_ALGORITHMS) {
    throw new UspError(ErrorCode.INVALID_COMMAND_ARGUMENTS, `FingerprintAlgorithm ${call.input.FingerprintAlgorithm} is not supported (SupportedFingerprintAlgorithms: ${SUPPORTED_FINGERPRINT_ALGORITHMS})`);
  }
  const sha = txn.get(call.objPath + 'X_TINYUSP_SHA256');
  if (sha === '') throw new UspError(ErrorCode.COMMAND_FAILURE, `${call.objPath} has no stored fingerprint`);
  return { Fingerprint: sha };
};

/**
 * LocalAgent.AddCertificate(Alias, Certificate): one PEM certificate, parsed by mbedTLS in C (the
 * DTLS HAL); a new enabled row with its SHA-256, serial number and issuer. It is committed (and
 * so on storage) before the answer. A row may be pinned by Controller.{i}.Credential (a
 * self-signed Controller provisioned ahead, no TOFU needed), bound by ControllerTrust.Credential
 * (an intermediate CA of a chain that reaches one of our trust anchors), or revoked. It does not
 * become a trust anchor of the DTLS configuration (that is --ca).
 */
const addCertificate: CommandHandler = (ctx, call, txn) => {
  const describe = ctx.hal.dtls && ctx.hal.dtls.describeCertificates;
  if (!describe) throw new UspError(ErrorCode.COMMAND_FAILURE, 'this device has no X.509 parser (no DTLS)');
  const pem = call.input.Certificate;
  if (pem.split('-----BEGIN CERTIFICATE-----').length !== 2) throw new UspError(ErrorCode.INVALID_COMMAND_ARGUMENTS, 'Certificate must be one PEM certificate (one -----BEGIN CERTIFICATE----- block)');
  // PEM is ASCII (RFC 7468): anything else is refused.
  const bytes = new Uint8Array(pem.length);
  for (let i = 0; i < pem.length; i++) {
    const c = pem.charCodeAt(i);
    if (c > 127) throw new UspError(ErrorCode.INVALID_COMMAND_ARGUMENTS, 'Certificate must be PEM (ASCII)');
    bytes[i] = c;
  }
  let certs;
  try {
    certs = describe.call(ctx.hal.dtls, bytes);
  } catch (e) {
    throw new UspError(ErrorCode.INVALID_COMMAND_ARGUMENTS, 'Certificate does not parse: ' + (e as Error).message);
  }
  if (certs.length !== 1) throw new UspError(ErrorCode.INVALID_COMMAND_ARGUMENTS, 'Certificate is not an X.509 certificate mbedTLS can parse');
  const c = certs[0];
  const sha = toHex(c.sha256);
  for (const r of ctx.engine.instances(CERTIFICATE_TABLE, true)) {
    if (txn.get(r.path + 'X_TINYUSP_SHA256') === sha) throw new UspError(ErrorCode.COMMAND_FAILURE, `that certificate is already ${r.path}`);
  }
  const values: { [name: string]: string } = { Enable: 'true', SerialNumber: c.serialNumber.slice(0, 64), Issuer: c.issuer.slice(0, 256), X_TINYUSP_SHA256: sha };
  if (call.input.Alias) values.Alias = call.input.Alias;
  // The unique keys (Alias; SerialNumber+Issuer) are the engine's to check: 7025 on a clash.
  txn.agentAdd(CERTIFICATE_TABLE, values);
  return {};
};

export const CERTIFICATE_HANDLERS = f({
  operate: f({ 'Delete()': deleteCertificate, 'GetFingerprint()': getFingerprint }),
});
export { addCertificate };
