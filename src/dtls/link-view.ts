// What tests, benches and the controller tool read of a DtlsLink's sessions. Free functions, not
// methods: the device bundle never calls them, so esbuild leaves them out of its flash (issue 10).
import type { Channel, DtlsLink } from './link.ts';

/** Live sessions per role. */
export function linkSessions(link: DtlsLink): { server: number; client: number } {
  let server = 0;
  for (const e of link.table.values()) if (e.channel === 'server') server++;
  return { server, client: link.table.size - server };
}

/** "address:port" of each session of `channel` whose handshake has not finished. */
export function handshaking(link: DtlsLink, channel: Channel): string[] {
  const out: string[] = [];
  for (const e of link.table.values()) if (e.channel === channel && e.session.state === 'handshaking') out.push(e.address + ':' + e.port);
  return out;
}

/** Heap bytes of each live session now and at its peak (the handshake's), by role. */
export function sessionMemory(link: DtlsLink): { channel: Channel; bytes: number; peakBytes: number }[] {
  const out: { channel: Channel; bytes: number; peakBytes: number }[] = [];
  for (const e of link.table.values()) out.push({ channel: e.channel, bytes: e.session.memoryBytes(), peakBytes: e.session.memoryPeakBytes() });
  return out;
}
