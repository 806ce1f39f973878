import { v7 as uuidv7 } from 'uuid';
import type { ParsedInputOf } from '../../../../shared/contract';
import {
  checkBoundaryFile,
  type BoundaryFeature,
  type BoundaryImportReport,
} from '../../../../shared/domain/board/boundary';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { audited } from '../../audit/writer';

type PreviewInput = ParsedInputOf<'board.importBoundaryPreview'>;

/** The file checked against the county's townships; a problem is a VALIDATION error naming it. */
function checked(
  ctx: HandlerContext,
  input: PreviewInput,
): { report: BoundaryImportReport; features: BoundaryFeature[] } {
  const townships = ctx.sql.all(
    qb
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('level', '=', 'township')
      .where('disabled_at', 'is', null)
      .orderBy('sort')
      .orderBy('code'),
  );
  if (townships.length === 0)
    throw new AppError('CONFLICT', '尚未录入本县的乡镇/街道，无法对应边界。请先导入行政区划，再导入边界文件。');
  const result = checkBoundaryFile(input.geojson, input, townships);
  if (!result.ok) {
    const [first, ...rest] = result.problems;
    throw new AppError(
      'VALIDATION',
      `边界文件有误：${first}${rest.length ? `（另有 ${rest.length} 处问题）` : ''}。`,
      result.problems.map((message) => ({ path: 'geojson', message })),
    );
  }
  return result;
}

/** The match report of an uploaded file; stores nothing. */
export const previewBoundary = (ctx: HandlerContext, input: PreviewInput): BoundaryImportReport =>
  checked(ctx, input).report;

/**
 * Stores the file's matched features (properties reduced to code and name) with its source, and
 * makes it the active boundary, in one transaction with the audit row. The earlier boundaries stay,
 * inactive.
 */
export function importBoundary(
  ctx: HandlerContext,
  input: ParsedInputOf<'board.importBoundary'>,
): BoundaryImportReport {
  const { report, features } = checked(ctx, input);
  if (features.length === 0)
    throw new AppError(
      'VALIDATION',
      `边界文件中没有一个要素能对应本县乡镇（按属性“${input.property}”的${input.matchBy === 'name' ? '名称' : '代码'}对应），` +
        '请检查所选属性字段是否正确。',
      [{ path: 'property', message: '没有要素能对应本县乡镇，请换一个属性字段' }],
    );
  const id = uuidv7();
  const now = ctx.now().toISOString();
  audited(
    ctx,
    {
      action: 'board.importBoundary',
      entity: 'boundary',
      entityId: id,
      fields: ['sourceUnit', 'approvalNo', 'crs', 'dataDate', 'geojson'],
      detail:
        `来源 ${input.sourceUnit}，审图号 ${input.approvalNo}，${input.crs}，${input.dataDate}；` +
        `对应乡镇 ${report.matched.length} 个，未对应要素 ${report.unmatchedFeatures.length} 个，` +
        `缺边界乡镇 ${report.townshipsWithoutFeature.length} 个`,
    },
    () => {
      ctx.sql.run(qb.updateTable('boundaries').set({ active: 0 }).where('active', '=', 1));
      ctx.sql.run(
        qb.insertInto('boundaries').values({
          id,
          source_unit: input.sourceUnit,
          approval_no: input.approvalNo,
          crs: input.crs,
          data_date: input.dataDate,
          geojson: JSON.stringify({ type: 'FeatureCollection', features }),
          imported_at: now,
          active: 1,
        }),
      );
    },
  );
  return report;
}
