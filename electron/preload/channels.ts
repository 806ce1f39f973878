/** IPC names shared by the main process and the preload bridge. */
export const INVOKE_CHANNEL = 'zz:invoke';

/**
 * The only events main pushes to the page; the bridge lets the page subscribe to these alone:
 * the data host's failure, a change another workstation or window committed (`LiveChange`), and in
 * client mode whether the centre server answers the window's change feed (`{ reached: boolean }`).
 */
export const BRIDGE_EVENTS = ['host-fatal', 'live', 'reach'] as const;

export type BridgeEvent = (typeof BRIDGE_EVENTS)[number];

export const isBridgeEvent = (name: unknown): name is BridgeEvent =>
  typeof name === 'string' && (BRIDGE_EVENTS as readonly string[]).includes(name);

export const eventChannel = (event: BridgeEvent): string => `zz:event:${event}`;
