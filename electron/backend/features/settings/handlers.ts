import { createHash, randomBytes } from 'node:crypto';
import type { ParsedInputOf } from '../../../../shared/contract';
import { BACKUP_SETTING_LABELS } from '../../../../shared/domain/backup-settings';
import { BOARD_SETTING_LABELS, type BoardSettings } from '../../../../shared/domain/board/board-settings';
import {
  CENTRE_SERVER_SETTING_LABELS,
  restartNeeded,
  type CentreServerView,
} from '../../../../shared/domain/centre-server';
import { SECURITY_SETTING_LABELS } from '../../../../shared/domain/security-settings';
import { WORK_SETTING_LABELS } from '../../../../shared/domain/work-settings';
import type { HandlerContext, HandlerMap } from '../../api/types';
import { audited } from '../../audit/writer';
import type { SettingGroup, SettingValues } from '../../db/settings';
import { certificateOnFile, installedCertificate } from '../../http/certificate';
import { writeSettings } from './repo';
import { assertWritableFolder } from './secondary-dir';

const LABELS: { [G in SettingGroup]: Record<keyof SettingValues[G], string> } = {
  security: SECURITY_SETTING_LABELS,
  work: WORK_SETTING_LABELS,
  backup: BACKUP_SETTING_LABELS,
  board: BOARD_SETTING_LABELS,
  server: CENTRE_SERVER_SETTING_LABELS,
};

/** A secret's stand-in in the audit detail: whether it is set, and a fingerprint telling a new one apart. */
const secret = (value: unknown): string =>
  value ? `已设置（指纹 ${createHash('sha256').update(String(value)).digest('hex').slice(0, 8)}）` : '未设置';

/**
 * A setting's value in the audit detail: numbers as they are, a mapping as its JSON. The board's
 * web-mode token never reaches the log, only its stand-in.
 */
const shown = (value: unknown): string =>
  typeof value === 'object'
    ? JSON.stringify(value, (key, v: unknown) => (key === 'token' ? secret(v) : v))
    : String(value);

/**
 * Saves the settings given (the rest of the group stays as it is), audited with each changed value
 * before and after, and serves the group from then on.
 */
function update<G extends SettingGroup>(
  ctx: HandlerContext,
  group: G,
  input: Partial<SettingValues[G]>,
): SettingValues[G] {
  const before = ctx.settings[group];
  const next = { ...before, ...input };
  const keys = Object.keys(input) as Array<keyof SettingValues[G] & string>;
  const changed = keys.filter((key) => shown(next[key]) !== shown(before[key]));
  audited(
    ctx,
    {
      action: 'settings.update',
      entity: 'settings',
      entityId: group,
      fields: changed,
      detail: changed.map((key) => `${LABELS[group][key]}：${shown(before[key])} → ${shown(next[key])}`).join('；'),
    },
    () => writeSettings(ctx.sql, group, next, ctx.now()),
  );
  ctx.settings[group] = next;
  return ctx.settings[group];
}

/** Web-mode token: 32 random bytes, URL-safe. */
const newToken = () => randomBytes(32).toString('base64url');

/**
 * The board settings as given, keeping the stored token while web mode stays on; each time it is
 * turned on the token is new (an address handed out before it was turned off no longer opens the
 * board), and anew whenever asked.
 */
function boardSettingsOf(input: ParsedInputOf<'settings.updateBoard'>, before: BoardSettings): BoardSettings {
  const { renewToken, ...web } = input.web;
  const turnedOn = web.enabled && !before.web.enabled;
  const token = renewToken || turnedOn || (web.enabled && !before.web.token) ? newToken() : before.web.token;
  return { weights: input.weights, refreshSeconds: input.refreshSeconds, web: { ...web, token } };
}

/** The centre server's settings with the fingerprint of its certificate on file, and what runs now. */
const serverView = (ctx: HandlerContext): CentreServerView => ({
  settings: ctx.settings.server,
  ...certificateOnFile(ctx.settings.server, ctx.dataDir),
  running: ctx.centreServer.current?.server ?? null,
  restartNeeded: restartNeeded(ctx.settings.server, ctx.centreServer.current),
});

export const settingsHandlers = {
  'settings.get': (_input, ctx) => ctx.settings.security,
  'settings.update': (input, ctx) => update(ctx, 'security', input),
  'settings.getWork': (_input, ctx) => ctx.settings.work,
  'settings.updateWork': (input, ctx) => update(ctx, 'work', input),
  'settings.updateConclusionMapping': (input, ctx) => update(ctx, 'work', { conclusionMapping: input }),
  'settings.updateCentreName': (input, ctx) => update(ctx, 'work', input),
  'settings.updateDisputeTimeLimits': (input, ctx) => update(ctx, 'work', { disputeTimeLimits: input }),
  'settings.getBackup': (_input, ctx) => ctx.settings.backup,
  'settings.updateBackup': (input, ctx) => {
    if (input.secondaryDir) assertWritableFolder(input.secondaryDir, ctx.dataDir);
    return update(ctx, 'backup', input);
  },
  'settings.getBoard': (_input, ctx) => ctx.settings.board,
  'settings.updateBoard': (input, ctx) => update(ctx, 'board', boardSettingsOf(input, ctx.settings.board)),
  'settings.getServer': (_input, ctx) => serverView(ctx),
  'settings.updateServer': (input, ctx) => {
    // The centre's own certificate is checked (readable, with its key) before it is saved.
    if (input.certificate === 'installed') installedCertificate(input.certFile, input.keyFile);
    update(ctx, 'server', input);
    return serverView(ctx);
  },
} satisfies HandlerMap<
  | 'settings.get'
  | 'settings.update'
  | 'settings.getWork'
  | 'settings.updateWork'
  | 'settings.updateConclusionMapping'
  | 'settings.updateCentreName'
  | 'settings.updateDisputeTimeLimits'
  | 'settings.getBackup'
  | 'settings.updateBackup'
  | 'settings.getBoard'
  | 'settings.updateBoard'
  | 'settings.getServer'
  | 'settings.updateServer'
>;
