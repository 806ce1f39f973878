import { mkdirSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../shared/contract';
import { ERROR_CODES, type Result } from '../../shared/errors';
import { createHttpServer, listenOnLoopback } from '../../electron/backend/http/server';
import { postAsPage, sessionFrom } from '../helpers/web-client';
import { newClient, signInAdmin, signInAs, testBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

/** A seeded generator: the same inputs on every run, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const deep = (levels: number): unknown => (levels === 0 ? 'bottom' : { a: deep(levels - 1) });

const HOSTILE_STRINGS = [
  "' OR 1=1; DROP TABLE users; --",
  '"); DELETE FROM audit_log; --',
  '../../../../../etc/passwd',
  '..\\..\\..\\windows\\system32\\config',
  '/tmp/../../zz-outside',
  'C:\\Windows\\..\\..\\evil',
  '\u0000\u0001\u0002',
  '<script>alert(1)</script>',
  '𠀀'.repeat(3000),
  'x'.repeat(200_000),
];

const BAD_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER,
  0.5,
  true,
  null,
  [],
  Array.from({ length: 5000 }, (_, i) => i),
  {},
  deep(400),
  JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"polluted": 1}}}'),
];

const TOP_LEVEL: unknown[] = [
  42,
  'input',
  true,
  [1, 2, 3],
  deep(2000),
  JSON.parse('{"__proto__": {"roles": ["sysadmin"]}}'),
  { constructor: { prototype: { polluted: true } } },
  { ['x'.repeat(10_000)]: 1 },
];

function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Malformed inputs for one method: bad shapes, and its own fields filled with hostile values. */
function inputsFor(method: (typeof METHOD_NAMES)[number], rng: ReturnType<typeof random>, n: number): unknown[] {
  const keys = keysOf(contract[method].input);
  return Array.from({ length: n }, (_, i) => {
    if (i < 2 || keys.length === 0) return rng.pick(TOP_LEVEL);
    return Object.fromEntries(keys.map((key) => [key, rng.pick(BAD_VALUES)]));
  });
}

/** Rows per table, all but the audit log (denied and failed calls are recorded there, as they should be). */
function tableCounts(db: import('better-sqlite3').Database): Record<string, number> {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'audit_log'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    names.map((name) => [name, db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]),
  );
}

function problems(method: string, result: Result<unknown>): string[] {
  if (result.ok) return [];
  const { code, message } = result.error;
  if (!(ERROR_CODES as readonly string[]).includes(code)) return [`${method}: untyped error ${code}`];
  if (code === 'INTERNAL') return [`${method}: INTERNAL ${message}`];
  if (!/[\u4e00-\u9fff]/.test(message)) return [`${method}: message not Chinese: ${message}`];
  return [];
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  server = undefined;
});

describe('malformed input to every contract method', () => {
  it(
    'gets a typed error on both transports, changes no row and writes nothing outside the data folder',
    { timeout: 120_000 },
    async () => {
      const outside = tempDir('zz-fuzz-');
      const dataDir = join(outside, 'data');
      mkdirSync(dataDir);
      const repoBefore = readdirSync(process.cwd()).sort();
      const backend = await testBackend({}, dataDir);
      const admin = await signInAdmin(backend);
      const everyone = (await signInAs(backend, admin, ['duty_officer', 'leader', 'sysadmin'])).client;
      const auditor = (await signInAs(backend, admin, ['auditor'])).client;
      const clients = [newClient('anonymous'), everyone, auditor];
      const { db } = backend.services.sql;
      const before = tableCounts(db);

      server = createHttpServer({ dispatch: backend.dispatch, staticDir: tempDir() });
      const port = await listenOnLoopback(server, 0);
      const base = `http://127.0.0.1:${port}`;
      const credentials = JSON.stringify({ username: 'admin', password: 'Zz-2026-Secure' });
      const session = sessionFrom(await postAsPage(base, 'auth.login', credentials));
      expect(session).not.toBeNull();

      const auditBefore = db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
      const rng = random(7);
      const found: string[] = [];
      let calls = 0;
      let oks = 0; // every input is malformed: none may be accepted
      for (const method of METHOD_NAMES) {
        for (const input of inputsFor(method, rng, 9)) {
          for (const client of clients) {
            const result = await backend.dispatch(method, input, client);
            calls += 1;
            if (result.ok) oks += 1;
            found.push(...problems(method, result));
          }
        }
        for (const input of inputsFor(method, rng, 3)) {
          const res = await postAsPage(base, method, JSON.stringify(input), session);
          const body = (await res.json()) as Result<unknown>;
          calls += 1;
          if (body.ok) oks += 1;
          found.push(...problems(`http ${method}`, body));
        }
      }
      expect(found).toEqual([]);
      expect(oks).toBe(0);
      expect(calls).toBe(METHOD_NAMES.length * 30);
      expect(tableCounts(db)).toEqual(before);
      const added = db
        .prepare("SELECT action, result FROM audit_log WHERE seq > ? AND result = 'success'")
        .all(auditBefore);
      expect(added).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(readdirSync(outside)).toEqual(['data']);
      expect(readdirSync(process.cwd()).sort()).toEqual(repoBefore);
      expect(({} as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).isAdmin).toBeUndefined();
      // The process is alive and still serves.
      expect(await backend.call('system.info', {}, everyone)).toMatchObject({ ok: true });
    },
  );
});
