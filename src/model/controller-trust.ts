// Device.LocalAgent.ControllerTrust. (roles and permissions, digest §9.4) and
// Device.LocalAgent.Certificate.{i} (src/model/certificate.ts). The access-control decisions are
// made in src/usp from these values; here are the tables and their validation.
import { alias as aliasParam, bool, enable as enableParam, str, uint } from '../dm/define.ts';
import { CHALLENGE_COMMANDS, CHALLENGE_OBJECT, challengeHandlers } from './challenge.ts';
import type { ModelModule, ObjectDef } from '../dm/api.ts';
import { CERTIFICATE_HANDLERS, CERTIFICATE_OBJECT } from './certificate.ts';
import { CREDENTIAL, ROLE_REF as role, aliasAnd } from './shared.ts';

const f = Object.freeze;
const alias = aliasParam();
const enable = enableParam();
/** 'rwxn' with '-' for absent, fixed order (digest §9.4). */
const perm = (name: string) => str(name, 4, { access: 'W', pattern: '[r-][w-][x-][n-]', default: '----' });

export const CONTROLLER_TRUST_OBJECTS: readonly ObjectDef[] = f([
  f({
    path: 'Device.LocalAgent.ControllerTrust.',
    params: f([
      str('UntrustedRole', 1024, { access: 'W', list: true, ref: role }),
      str('BannedRole', 256, { access: 'W', ref: role }),
      bool('TOFUAllowed', { access: 'W' }),
      uint('TOFUInactivityTimer', { access: 'W' }),
    ]),
    commands: CHALLENGE_COMMANDS,
  }),
  f({
    path: 'Device.LocalAgent.ControllerTrust.Role.{i}.',
    access: 'AD',
    uniqueKeys: aliasAnd('Name'),
    params: f([alias, enable, str('Name', 64, { access: 'W' })]),
  }),
  f({
    path: 'Device.LocalAgent.ControllerTrust.Role.{i}.Permission.{i}.',
    access: 'AD',
    uniqueKeys: aliasAnd('Order'),
    params: f([
      alias,
      enable,
      uint('Order', { access: 'W' }),
      str('Targets', 1024, { access: 'W', list: true }),
      perm('Param'),
      perm('Obj'),
      perm('InstantiatedObj'),
      perm('CommandEvent'),
    ]),
  }),
  CHALLENGE_OBJECT,
  f({
    path: 'Device.LocalAgent.ControllerTrust.Credential.{i}.',
    access: 'AD',
    uniqueKeys: aliasAnd('Credential'),
    params: f([
      alias,
      enable,
      str('Role', 1024, { access: 'W', list: true, ref: role }),
      CREDENTIAL,
      str('AllowedUses', 32, { access: 'W', enum: f(['MTP-only', 'MTP-and-USP', 'MTP-and-broker']), default: 'MTP-only' }),
    ]),
  }),
  CERTIFICATE_OBJECT,
]);

export function controllerTrustModule(): ModelModule {
  return { objects: CONTROLLER_TRUST_OBJECTS, handlers: { ...challengeHandlers(), [CERTIFICATE_OBJECT.path]: CERTIFICATE_HANDLERS } };
}
