// Extension example: how a device maker adds a vendor object (TR-106 'X_<OUI-or-name>_' prefix)
// with parameters, a table, a command and an event — one ModelModule, no engine change:
//   createEngine({ hal, profile, modules: [...tr181Modules(), thermostatModule(sensor)] })
import { ErrorCode, UspError } from '../errors.ts';
import type { ModelModule, ObjectDef, ParamDef } from '../dm/api.ts';
import { formatDateTime, parseDateTime } from '../dm/values.ts';

const f = Object.freeze;

export const THERMOSTAT_OBJECTS: readonly ObjectDef[] = f([
  f({
    path: 'Device.X_ACME_Thermostat.',
    params: f([
      f({ name: 'Enable', type: 'boolean', access: 'W', default: 'true' }),
      f({ name: 'Mode', type: 'string', access: 'W', enum: f(['Heat', 'Off']), default: 'Heat' }),
      f({ name: 'TargetTemperature', type: 'decimal', access: 'W', min: 5, max: 35, default: '21' }),
      f({ name: 'CurrentTemperature', type: 'decimal', computed: true }),
      f({ name: 'BoostUntil', type: 'dateTime' }),
      f({ name: 'ScheduleNumberOfEntries', type: 'unsignedInt' }),
    ] as ParamDef[]),
    commands: f([f({
      name: 'Boost()', async: false,
      input: f([f({ name: 'Minutes', type: 'unsignedInt', min: 1, max: 120, mandatory: true })] as ParamDef[]),
      output: f([f({ name: 'Until', type: 'dateTime' })] as ParamDef[]),
    })]),
    events: f([f({ name: 'Overheat!', args: f([f({ name: 'Temperature', type: 'decimal' })] as ParamDef[]) })]),
  }),
  f({
    path: 'Device.X_ACME_Thermostat.Schedule.{i}.',
    access: 'AD',
    maxEntries: 8,
    uniqueKeys: f([f(['Alias']), f(['StartTime'])]),
    numberOfEntries: 'Device.X_ACME_Thermostat.ScheduleNumberOfEntries',
    params: f([
      f({ name: 'Alias', type: 'string', access: 'W', maxLength: 64 }),
      f({ name: 'StartTime', type: 'string', access: 'W', pattern: '([01][0-9]|2[0-3]):[0-5][0-9]', default: '00:00' }),
      f({ name: 'Temperature', type: 'decimal', access: 'W', min: 5, max: 35, default: '19' }),
    ] as ParamDef[]),
  }),
]);

/** `sensor()` reads the hardware, in °C. Writes to TargetTemperature go to `apply` on commit. */
export function thermostatModule(sensor: () => number, apply: (target: number) => void = () => {}): ModelModule {
  return {
    objects: THERMOSTAT_OBJECTS,
    handlers: {
      'Device.X_ACME_Thermostat.': {
        read: (_ctx, _p, name) => (name === 'CurrentTemperature' ? sensor() : undefined),
        // Heating off while a boost is running makes no sense: refuse the combination (7014).
        validate: (ctx, change) => {
          if (change.kind !== 'changed' || change.changed.indexOf('Mode') < 0 || change.value('Mode') !== 'Off') return;
          const until = parseDateTime(change.value('BoostUntil'));
          const wall = ctx.hal.clock.wallTimeMs();
          if (until && wall !== undefined && until.ms > wall) {
            throw new UspError(ErrorCode.VALUE_CONFLICT, 'a boost is running', change.path + 'Mode');
          }
        },
        commit: (_ctx, change) => {
          if (change.changed.indexOf('TargetTemperature') >= 0) apply(Number(change.value('TargetTemperature')));
        },
        operate: {
          'Boost()': (ctx, call) => {
            const wall = ctx.hal.clock.wallTimeMs();
            if (wall === undefined) throw new UspError(ErrorCode.COMMAND_FAILURE, 'time unknown');
            const until = wall + Number(call.input.Minutes) * 60000;
            const txn = ctx.engine.begin(ctx.origin);
            txn.agentSet(call.objPath + 'BoostUntil', formatDateTime(until));
            txn.commit();
            return { Until: until };
          },
        },
      },
    },
  };
}
