import { SECURITY_SETTING_LABELS, type SecuritySettings } from '../../../../shared/domain/security-settings';
import type { HandlerMap } from '../../api/types';
import { audited } from '../audit/writer';
import { writeSecuritySettings } from './repo';

export const settingsHandlers = {
  'settings.get': (_input, ctx) => ctx.settings.current,
  'settings.update': (input, ctx) => {
    const before = ctx.settings.current;
    const changed = (Object.keys(input) as Array<keyof SecuritySettings>).filter((key) => input[key] !== before[key]);
    audited(
      ctx,
      {
        action: 'settings.update',
        entity: 'settings',
        entityId: 'security',
        fields: changed,
        detail: changed.map((key) => `${SECURITY_SETTING_LABELS[key]}：${before[key]} → ${input[key]}`).join('；'),
      },
      () => writeSecuritySettings(ctx.sql, input, ctx.now()),
    );
    ctx.settings.current = { ...input };
    return ctx.settings.current;
  },
} satisfies HandlerMap<'settings.get' | 'settings.update'>;
