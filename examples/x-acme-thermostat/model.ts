// A device maker's model module (how to extend tinyusp without forking it): a vendor object
// (TR-106 'X_<OUI-or-name>_' prefix) with parameters, a table, a command and an event. It uses
// only tinyusp's public entry (src/index.ts) and is added next to the TR-181 model with the
// schema tree of both (a board entry makes the two at module level, so that xsl preloads them):
//   const modules = [thermostatModule(sensor, apply)];
//   startDevice({ hal, board, modules, tree: modelTree(modules), ... })
//   tinyusp agent --model examples/x-acme-thermostat/simulated.ts ...
import {
  ErrorCode, UspError, alias, command, decimal, dateTime, defineModule, defineObject, event, formatDateTime, keys, list,
  parseDateTime, str, uint, bool, type ModelModule,
} from '../../src/index.ts';

/** `sensor()` reads the hardware, in °C. Writes to TargetTemperature go to `apply` on commit. */
export function thermostatModule(sensor: () => number, apply: (target: number) => void = () => {}): ModelModule {
  return defineModule({
    objects: [
      defineObject({
        path: 'Device.X_ACME_Thermostat.',
        params: [
          bool('Enable', { access: 'W', default: 'true' }),
          str('Mode', 8, { access: 'W', enum: list('Heat', 'Off'), default: 'Heat' }),
          decimal('TargetTemperature', { access: 'W', min: 5, max: 35, default: '21' }),
          decimal('CurrentTemperature', { computed: true }),
          dateTime('BoostUntil'),
        ],
        commands: list(command('Boost()', {
          async: false,
          input: list(uint('Minutes', { min: 1, max: 120, mandatory: true })),
          output: list(dateTime('Until')),
        })),
        events: list(event('Overheat!', [decimal('Temperature')])),
      }, {
        read: (_ctx, _objPath, name) => (name === 'CurrentTemperature' ? sensor() : undefined),
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
          // The command changes the model through the transaction the engine gives it.
          'Boost()': (ctx, call, txn) => {
            const wall = ctx.hal.clock.wallTimeMs();
            if (wall === undefined) throw new UspError(ErrorCode.COMMAND_FAILURE, 'time unknown');
            const until = wall + Number(call.input.Minutes) * 60000;
            txn.agentSet(call.objPath + 'BoostUntil', formatDateTime(until));
            return { Until: until };
          },
        },
      }),
      defineObject({
        path: 'Device.X_ACME_Thermostat.Schedule.{i}.',
        access: 'AD',
        maxEntries: 8,
        uniqueKeys: keys(['Alias'], ['StartTime']),
        params: [
          alias(),
          str('StartTime', 5, { access: 'W', pattern: '([01][0-9]|2[0-3]):[0-5][0-9]', default: '00:00' }),
          decimal('Temperature', { access: 'W', min: 5, max: 35, default: '19' }),
        ],
      }),
    ],
  });
}
