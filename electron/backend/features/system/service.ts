import type { DemoScale, DemoSummary } from '../../../../shared/contract/system';
import { countyDate } from '../../../../shared/domain/time';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../api/types';
import { findCounty } from '../../db/county';
import { loadDemoCounty } from '../../demo';
import { appendAudit, type AuditActor } from '../../audit/writer';

/**
 * Fills an empty database with the made-up county, in one transaction with its audit row.
 * `actor` names who did it when there is no signed-in principal (the `npm run demo` command).
 */
export function loadDemo(
  ctx: Pick<HandlerContext, 'sql' | 'now' | 'auditKey' | 'auditHead' | 'call' | 'principal' | 'ledgers'>,
  options: { scale: DemoScale; seed: number },
  actor?: AuditActor,
): DemoSummary {
  return ctx.sql.transaction(() => {
    if (findCounty(ctx.sql)) {
      throw new AppError('CONFLICT', '数据库中已有县区数据，不能再载入演示数据。演示数据只能载入到全新的空数据库。');
    }
    const summary = loadDemoCounty(ctx.sql, options, ctx.ledgers.searchIndexes, countyDate(ctx.now()));
    appendAudit(
      ctx,
      { action: 'system.loadDemo', entity: 'county', detail: `规模 ${options.scale}，种子 ${options.seed}` },
      actor,
    );
    return summary;
  });
}
