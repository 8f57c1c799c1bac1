// Definitions several TR-181 objects of the model declare alike, made once and shared: on a board
// every definition is preloaded into flash at one slot per property plus one per object, so two
// equal definitions cost twice what one does (issue 10). A parameter definition is also a valid
// command/event argument definition (arguments ignore `access`).
import { str, strongRef, uint } from '../dm/define.ts';

const f = Object.freeze;

/** The 'Alias' unique key set, and the key sets of a table keyed by its Alias only. */
const ALIAS_KEY: readonly string[] = f(['Alias']);
export const ALIAS_KEYS: readonly (readonly string[])[] = f([ALIAS_KEY]);
/** Unique key sets: Alias, and `others` (one set). */
export const aliasAnd = (...others: string[]): readonly (readonly string[])[] => f([ALIAS_KEY, f(others)]);

export const ROLE_REF = strongRef('Device.LocalAgent.ControllerTrust.Role.{i}.');
const CERTIFICATE_REF = strongRef('Device.LocalAgent.Certificate.{i}.');

/** TR-181's digest algorithm names (FingerprintAlgorithm, CheckSumAlgorithm). */
export const SHA_ALGORITHMS: readonly string[] = f(['SHA-1', 'SHA-224', 'SHA-256', 'SHA-384', 'SHA-512']);

/** DeviceInfo.UpTime and LocalAgent.UpTime: seconds since this boot (GSDM WILL_IGNORE). */
export const UP_TIME = uint('UpTime', { computed: true, valueChange: 'ignore' });
/** DeviceInfo.SoftwareVersion and LocalAgent.SoftwareVersion (the HAL identity's). */
export const SOFTWARE_VERSION = str('SoftwareVersion', 64, { computed: true });
export const PROVISIONING_CODE = str('ProvisioningCode', 64, { access: 'W' });
/** Controller.{i}.Credential and ControllerTrust.Credential.{i}.Credential: a Certificate row. */
export const CREDENTIAL = str('Credential', 256, { access: 'W', ref: CERTIFICATE_REF });
/** Boot! and TransferComplete! CommandKey. */
export const COMMAND_KEY = str('CommandKey', 32);
