/**
 * A minimal CTI server for the end-to-end bench: it answers the open handshake and heartbeats like the simulator,
 * then writes pre-encoded event frames — as fast as the socket takes them, or paced at a rate — so that what is
 * measured is the client's path, not the simulator building events.
 *
 * Events are one call's worth of v24 call events per call (BEGIN_CALL with call variables and ECC, DELIVERED,
 * ESTABLISHED, CALL_DATA_UPDATE, CLEARED, END_CALL), each call with its own ConnectionCallID. MonitorID carries
 * the event's sequence number, so the receiving end can tell which frame a message came from (latency).
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { FrameReader, decodeMessage, encodeMessage, type CtiMessage } from '../lib/protocol';

export const VERSION = 24;
export const PERIPHERAL_ID = 5000;
const EVENTS_PER_CALL = 6;

function callVariables(prefix: string): Record<string, string> {
  const o: Record<string, string> = {};
  for (let i = 1; i <= 10; i++) o[`callVariable${i}`] = `${prefix}-${i}-${'x'.repeat(i)}`;
  return o;
}

/** The six events of call number `n`; `seq` is the sequence number of the first one. */
export function callEvents(n: number, seq: number): CtiMessage[] {
  const head = {
    peripheralId: PERIPHERAL_ID,
    peripheralType: 17,
    connectionDeviceIdType: 1,
    connectionCallId: 16777216 + n,
    connectionDeviceId: String(16777216 + n),
  };
  const agent = String(1000 + (n % 500));
  const parties = { callingDeviceId: '+4930123456789', calledDeviceId: '8000' };
  return [
    {
      messageType: 'BEGIN_CALL_EVENT',
      ...head,
      numCtiClients: 1,
      callType: 1,
      calledPartyDisposition: 0,
      ani: '+4930123456789',
      dnis: '8000',
      dialedNumber: '8005551000',
      callerEnteredDigits: '4711#',
      routerCallKeyDay: 150123,
      routerCallKeyCallId: 100000 + n,
      ...callVariables('begin'),
      // Per-call values (account, case) next to values many calls share (line of business, language …).
      callVariable1: `acct-${100000 + n}`,
      callVariable2: `case-${n}`,
      namedVariables: [
        { name: 'user.CustomerID', value: `C-${n}` },
        { name: 'user.Language', value: 'de-DE' },
        { name: 'user.Segment', value: 'gold' },
      ],
      namedArrays: [
        { name: 'user.Orders', index: 0, value: 'ORD-1001' },
        { name: 'user.Orders', index: 1, value: 'ORD-1002' },
      ],
      // NumCTIClients 1 says one client's signature and timestamp follow (without them every BEGIN_CALL is a
      // count mismatch, decoded on the deviation path).
      ctiClientSignature: ['crm-bridge'],
      ctiClientTimestamp: [1700000000],
    },
    {
      messageType: 'CALL_DELIVERED_EVENT',
      ...head,
      lineHandle: 0,
      lineType: 0,
      serviceNumber: 6001,
      serviceId: 6002,
      skillGroupNumber: 7001,
      skillGroupId: 7002,
      skillGroupPriority: 0,
      alertingDeviceType: 0,
      callingDeviceType: 0,
      calledDeviceType: 0,
      lastRedirectDeviceType: 0,
      localConnectionState: 2,
      eventCause: 0xffff,
      alertingDeviceId: agent,
      ...parties,
    },
    {
      messageType: 'CALL_ESTABLISHED_EVENT',
      ...head,
      lineHandle: 0,
      lineType: 0,
      serviceNumber: 6001,
      serviceId: 6002,
      skillGroupNumber: 7001,
      skillGroupId: 7002,
      skillGroupPriority: 0,
      answeringDeviceType: 0,
      callingDeviceType: 0,
      calledDeviceType: 0,
      lastRedirectDeviceType: 0,
      localConnectionState: 3,
      eventCause: 0xffff,
      answeringDeviceId: agent,
      ...parties,
    },
    {
      messageType: 'CALL_DATA_UPDATE_EVENT',
      ...head,
      callType: 1,
      newConnectionDeviceIdType: 1,
      newConnectionCallId: head.connectionCallId,
      calledPartyDisposition: 0,
      campaignId: 0,
      queryRuleId: 0,
      newConnectionDeviceId: head.connectionDeviceId,
      callVariable3: `updated-${n}`,
      namedVariables: [
        { name: 'user.CustomerID', value: `C-${n}` },
        { name: 'user.Language', value: 'de-DE' },
        { name: 'user.Segment', value: 'platinum' },
      ],
    },
    {
      messageType: 'CALL_CLEARED_EVENT',
      ...head,
      localConnectionState: 0,
      eventCause: 0xffff,
    },
    { messageType: 'END_CALL_EVENT', ...head },
  ].map((m, i) => ({ monitorId: seq + i, ...m }) as CtiMessage);
}

/** `count` events (whole calls), encoded once, in order. */
export function encodeCalls(count: number, firstCall = 0): Buffer[] {
  const frames: Buffer[] = [];
  for (let n = firstCall; frames.length < count; n++) {
    for (const m of callEvents(n, frames.length)) frames.push(encodeMessage(m, VERSION));
  }
  return frames.slice(0, count);
}

export { EVENTS_PER_CALL };

/** Monotonic milliseconds, comparable between processes on one machine (the Node-RED child's clock too). */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** A CTI server that opens one session and then feeds it frames. */
export class Feeder {
  private server = net.createServer((s) => this.onClient(s));
  private socket: net.Socket | undefined;
  private opened: (() => void) | undefined;
  readonly open = new Promise<void>((r) => (this.opened = r));
  /** nowMs() at which each frame (by sequence number) was written. */
  writtenAt: Float64Array = new Float64Array(0);

  listen(): Promise<number> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as net.AddressInfo).port)),
    );
  }

  private onClient(s: net.Socket): void {
    s.setNoDelay(true);
    this.socket = s;
    const reader = new FrameReader();
    s.on('error', () => undefined);
    s.on('data', (chunk) =>
      reader.feed(chunk, (frame) => {
        const msg = decodeMessage(frame, VERSION);
        if (msg.messageType === 'OPEN_REQ') {
          s.write(
            encodeMessage(
              {
                messageType: 'OPEN_CONF',
                invokeId: msg.invokeId,
                servicesGranted: msg.servicesRequested,
                monitorId: 0,
                pgStatus: 0,
                icmCentralControllerTime: Math.floor(Date.now() / 1000),
                peripheralOnline: 1,
                peripheralType: 17,
                agentState: 0,
                departmentId: 0,
                sessionType: 1,
                numPeripherals: 1,
                fltPeripheralId: [PERIPHERAL_ID],
                multilineAgentControl: [0],
              },
              VERSION,
            ),
          );
          this.opened?.();
        } else if (msg.messageType === 'HEARTBEAT_REQ') {
          s.write(encodeMessage({ messageType: 'HEARTBEAT_CONF', invokeId: msg.invokeId }, VERSION));
        } else if (msg.messageType === 'CLOSE_REQ') {
          s.end(encodeMessage({ messageType: 'CLOSE_CONF', invokeId: msg.invokeId }, VERSION));
        }
      }),
    );
  }

  /** Writes every frame as fast as the socket drains, in chunks of about 64 KiB. */
  async flood(frames: Buffer[]): Promise<void> {
    const s = this.socket!;
    const CHUNK = 64 * 1024;
    let batch: Buffer[] = [];
    let bytes = 0;
    for (const f of frames) {
      batch.push(f);
      bytes += f.length;
      if (bytes < CHUNK) continue;
      if (!s.write(Buffer.concat(batch))) await new Promise((r) => s.once('drain', r));
      batch = [];
      bytes = 0;
    }
    if (batch.length > 0) s.write(Buffer.concat(batch));
  }

  /**
   * Writes the frames at `perSecond`, a few at a time every millisecond, recording when each was written
   * (frame i is sequence number i).
   */
  async paced(frames: Buffer[], perSecond: number): Promise<void> {
    const s = this.socket!;
    this.writtenAt = new Float64Array(frames.length);
    const start = performance.now();
    let i = 0;
    while (i < frames.length) {
      const due = Math.min(frames.length, Math.floor(((performance.now() - start) * perSecond) / 1000) + 1);
      for (; i < due; i++) {
        this.writtenAt[i] = nowMs();
        s.write(frames[i]);
      }
      await new Promise((r) => setTimeout(r, 1));
    }
  }

  close(): Promise<void> {
    this.socket?.destroy();
    return new Promise((r) => this.server.close(() => r()));
  }
}
