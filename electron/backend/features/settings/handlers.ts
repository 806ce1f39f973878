import { BACKUP_SETTING_LABELS } from '../../../../shared/domain/backup-settings';
import { SECURITY_SETTING_LABELS } from '../../../../shared/domain/security-settings';
import { WORK_SETTING_LABELS } from '../../../../shared/domain/work-settings';
import type { HandlerContext, HandlerMap } from '../../api/types';
import { audited } from '../audit/writer';
import { assertWritableFolder } from '../backup/folder';
import { writeSettings, type SettingGroup, type SettingValues } from './repo';

const LABELS: { [G in SettingGroup]: Record<keyof SettingValues[G], string> } = {
  security: SECURITY_SETTING_LABELS,
  work: WORK_SETTING_LABELS,
  backup: BACKUP_SETTING_LABELS,
};

/** A setting's value in the audit detail: numbers as they are, a mapping as its JSON. */
const shown = (value: unknown): string => (typeof value === 'object' ? JSON.stringify(value) : String(value));

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

export const settingsHandlers = {
  'settings.get': (_input, ctx) => ctx.settings.security,
  'settings.update': (input, ctx) => update(ctx, 'security', input),
  'settings.getWork': (_input, ctx) => ctx.settings.work,
  'settings.updateWork': (input, ctx) => update(ctx, 'work', input),
  'settings.updateConclusionMapping': (input, ctx) => update(ctx, 'work', { conclusionMapping: input }),
  'settings.getBackup': (_input, ctx) => ctx.settings.backup,
  'settings.updateBackup': (input, ctx) => {
    if (input.secondaryDir) assertWritableFolder(input.secondaryDir, ctx.dataDir);
    return update(ctx, 'backup', input);
  },
} satisfies HandlerMap<
  | 'settings.get'
  | 'settings.update'
  | 'settings.getWork'
  | 'settings.updateWork'
  | 'settings.updateConclusionMapping'
  | 'settings.getBackup'
  | 'settings.updateBackup'
>;
