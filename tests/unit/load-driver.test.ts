import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOAD_ADMIN, startCentre, type Centre } from '../../scripts/load/centre';
import { CALL_NAMES } from '../../scripts/load/mix';
import { runLoad } from '../../scripts/load/run';
import { TEST_PASSWORD_HASH_COST } from '../helpers/hash-cost';

// `npm run load` in small: a real centre server (its own process, the small demo county) worked by
// three workstations without think time for a few seconds.
describe('the load driver', () => {
  let centre: Centre;
  beforeAll(async () => {
    centre = await startCentre('small', TEST_PASSWORD_HASH_COST);
  }, 120_000);
  afterAll(() => centre?.stop());

  it('reaches every call of the mix through its own sessions and reports no error', async () => {
    const report = await runLoad({
      transport: { baseUrl: centre.url },
      admin: LOAD_ADMIN,
      workstations: 3,
      seconds: 4,
      thinkMs: 0,
    });
    expect(report.calls.map((c) => c.name)).toEqual(CALL_NAMES);
    for (const call of report.calls) {
      expect(call.count, call.name).toBeGreaterThan(0);
      expect(call.p50, call.name).toBeGreaterThan(0);
      expect(call.max, call.name).toBeGreaterThanOrEqual(call.p99);
    }
    expect(report.errorMessages).toEqual([]);
    expect(report.total.errors).toBe(0);
    expect(report.total.count).toBe(report.calls.reduce((n, c) => n + c.count, 0));
    expect(report.total.perSecond).toBeCloseTo(report.total.count / report.seconds);
  }, 120_000);
});
