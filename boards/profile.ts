// A board profile: every bound the core enforces comes from here (design.md "Errors and bad
// input": every buffer, table and queue has a bound). Hitting a bound is an error with a code
// (USP 7005 Resources exceeded, CoAP 4.13), never unbounded growth.

export interface BoardProfile {
  name: string;
  /** Minify the bundle (device boards). */
  minify: boolean;
  /**
   * RAM the board leaves to the agent's JavaScript engine, bytes (XS heap on 32-bit), or
   * undefined on a host with no such budget. The figure a device build has to fit.
   */
  memoryBudgetBytes: number | undefined;
  /**
   * Footprint budgets of a device board, bytes, as `npm run footprint` measures them (32-bit,
   * under qemu-arm): CI fails when a figure grows past its budget.
   */
  footprintBudget?: {
    /** Flash of the agent above an empty preloaded module (byte code + preloaded heap). */
    flashAgentBytes: number;
    /** RAM after boot, after a collection (slots x 16 + chunks + alias table). */
    ramBootBytes: number;
    /** Live RAM high-water mark over the footprint scenario. */
    ramPeakBytes: number;
  };
  limits: {
    /** Largest UDP datagram handled, bytes. */
    datagramBytes: number;
    /** Largest encoded USP Msg / Record we build or accept, bytes (fixed codec buffers). */
    messageBytes: number;
    /** Deepest protobuf nesting accepted on decode. */
    decodeDepth: number;
    /** CoAP block size (RFC 7959 SZX), bytes: 16..1024. */
    coapBlockBytes: number;
    /** Largest Block1 reassembly, bytes (4.13 beyond). */
    reassemblyBytes: number;
    /** Concurrent CoAP exchanges tracked for dedup/retransmission. */
    coapExchanges: number;
    /** Instances per multi-instance table (7005 beyond). */
    instancesPerTable: number;
    /** Pending notifications queued per Controller (oldest dropped beyond). */
    notificationsPerController: number;
    /** Concurrent asynchronous operations (7005 beyond). */
    asyncOperations: number;
    /** Paths and parameter settings one request may name (7005 beyond): bounds its handling. */
    requestPaths: number;
  };
  coap: {
    ackTimeoutMs: number;
    ackRandomFactor: number;
    maxRetransmit: number;
    nstart: number;
  };
  /** Interval of the bounded ValueChange poll for HAL-changed values, ms. */
  valueChangePollMs: number;
}

export const RFC7252_TRANSMISSION = Object.freeze({
  ackTimeoutMs: 2000,
  ackRandomFactor: 1.5,
  maxRetransmit: 4,
  nstart: 1,
});
