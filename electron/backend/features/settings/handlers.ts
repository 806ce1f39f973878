import { SECURITY_SETTING_LABELS } from '../../../../shared/domain/security-settings';
import { WORK_SETTING_LABELS } from '../../../../shared/domain/work-settings';
import type { HandlerContext, HandlerMap } from '../../api/types';
import { audited } from '../audit/writer';
import { writeSettings, type SettingGroup, type SettingValues } from './repo';

const LABELS: { [G in SettingGroup]: Record<keyof SettingValues[G], string> } = {
  security: SECURITY_SETTING_LABELS,
  work: WORK_SETTING_LABELS,
};

/** Saves a group, audited with each changed value before and after, and serves it from then on. */
function update<G extends SettingGroup>(ctx: HandlerContext, group: G, input: SettingValues[G]): SettingValues[G] {
  const before = ctx.settings[group];
  const keys = Object.keys(input) as Array<keyof SettingValues[G] & string>;
  const changed = keys.filter((key) => input[key] !== before[key]);
  audited(
    ctx,
    {
      action: 'settings.update',
      entity: 'settings',
      entityId: group,
      fields: changed,
      detail: changed.map((key) => `${LABELS[group][key]}：${String(before[key])} → ${String(input[key])}`).join('；'),
    },
    () => writeSettings(ctx.sql, group, input, ctx.now()),
  );
  ctx.settings[group] = { ...input };
  return ctx.settings[group];
}

export const settingsHandlers = {
  'settings.get': (_input, ctx) => ctx.settings.security,
  'settings.update': (input, ctx) => update(ctx, 'security', input),
  'settings.getWork': (_input, ctx) => ctx.settings.work,
  'settings.updateWork': (input, ctx) => update(ctx, 'work', input),
} satisfies HandlerMap<'settings.get' | 'settings.update' | 'settings.getWork' | 'settings.updateWork'>;
