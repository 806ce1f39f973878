import { describe, expect, it } from 'vitest';
import { eventReader } from '../../electron/main/server-feed';

describe('reading the centre server’s change feed', () => {
  it('yields each event once its blank line arrives, across chunks, and skips heartbeats', () => {
    const read = eventReader();
    expect(read('event: ready\ndata: {}\n\n: hb\n\nevent: cha')).toEqual([{ event: 'ready', data: '{}' }]);
    expect(read('nge\ndata: {"topic":"petitions"}\r\n')).toEqual([]);
    expect(read('\r\n')).toEqual([{ event: 'change', data: '{"topic":"petitions"}' }]);
  });
});
