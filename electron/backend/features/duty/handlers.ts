import { DUTY_ROLE_LABELS, DUTY_ROLES } from '../../../../shared/domain/board/duty';
import type { HandlerMap } from '../../api/types';
import { audited } from '../../audit/writer';
import { listDuty, replaceDuty } from './repo';

export const dutyHandlers = {
  'duty.list': ({ from, to }, { sql }) => listDuty(sql, from, to),
  'duty.save': ({ date, entries }, ctx) => {
    // The detail counts people per role: names stay out of the log.
    const detail = DUTY_ROLES.map(
      (role) => `${DUTY_ROLE_LABELS[role]} ${entries.filter((e) => e.role === role).length} 人`,
    );
    audited(
      ctx,
      { action: 'duty.save', entity: 'duty_roster', entityId: date, fields: ['entries'], detail: detail.join('，') },
      () => replaceDuty(ctx.sql, date, entries),
    );
    return { date, entries: listDuty(ctx.sql, date, date)[0]?.entries ?? [] };
  },
} satisfies HandlerMap<'duty.list' | 'duty.save'>;
