// The Device.LocalAgent.Subscription.{i} rows as the notifier sees them (digest §4.1), read from
// the data model (the notifier caches them until anything under the table changes).
import type { Engine } from '../dm/api.ts';
import { splitList } from '../dm/values.ts';
import { NOTIF_TYPES, type NotifType } from './match.ts';
import { valueOf } from '../usp/context.ts';


export interface Subscription {
  /** 'Device.LocalAgent.Subscription.3.' */
  readonly path: string;
  readonly id: string;
  readonly enable: boolean;
  readonly type: NotifType | undefined;
  readonly refs: readonly string[];
  readonly timeToLive: number;
  readonly creationDate: string;
  readonly notifRetry: boolean;
  readonly notifExpiration: number;
  /** The recipient Controller's instance path with its trailing '.', or '' when unset. */
  readonly controller: string;
  /** TriggerAction (1.3): whether a trigger sends a Notify and/or applies TriggerConfigSettings. */
  readonly notifies: boolean;
  readonly configures: boolean;
  readonly configSettings: string;
}

export function readSubscription(engine: Engine, path: string): Subscription {
  const v = (n: string) => valueOf(engine, path + n);
  const type = v('NotifType') as NotifType;
  const recipient = v('Recipient');
  const action = v('TriggerAction');
  return {
    path,
    id: v('ID'),
    enable: v('Enable') === 'true',
    type: NOTIF_TYPES.indexOf(type) >= 0 ? type : undefined,
    refs: splitList(v('ReferenceList')),
    timeToLive: Number(v('TimeToLive')) || 0,
    creationDate: v('CreationDate'),
    notifRetry: v('NotifRetry') === 'true',
    notifExpiration: Number(v('NotifExpiration')) || 0,
    controller: recipient === '' ? '' : recipient.charAt(recipient.length - 1) === '.' ? recipient : recipient + '.',
    notifies: action !== 'Config',
    configures: action === 'Config' || action === 'NotifyAndConfig',
    configSettings: v('TriggerConfigSettings'),
  };
}
