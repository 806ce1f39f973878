import type { KeyBackupDownload } from '../../../../shared/contract/backup';
import { fileStamp } from '../../../../shared/domain/time';
import type { HandlerContext } from '../../api/types';
import { confirmByAuditor } from '../../auth/auditor-confirmation';
import { appendAudit } from '../../audit/writer';
import { findCounty } from '../../db/county';
import { cipherOf } from '../../db/personal-cipher';
import { sealKeyBackup } from '../../keys/key-backup';

/**
 * 导出密钥备份: the data folder's two keys, sealed with the administrator's passphrase, as a file
 * to keep apart from the database backups (the way to move an installation to a new computer,
 * where the OS keystore's copy does not open). It carries the audit key, so an auditor confirms it
 * in the same call; the export is audited either way.
 */
export async function exportKeys(
  ctx: HandlerContext,
  input: { passphrase: string; auditorConfirmation?: { username: string; password: string } },
): Promise<KeyBackupDownload> {
  const confirmed = await confirmByAuditor(ctx, { kind: 'exportKeys' }, input.auditorConfirmation);
  // The key the open database was opened with: no second read of the key file.
  const personal = cipherOf(ctx.sql.db).key;
  const at = ctx.now();
  const county = findCounty(ctx.sql)?.name ?? '';
  const text = await sealKeyBackup({ personal, audit: ctx.auditKey }, input.passphrase, { county, createdAt: at });
  appendAudit(ctx, {
    action: 'backup.exportKeys',
    entity: 'keys',
    detail: `导出密钥备份（个人信息密钥与审计密钥，以口令加密）${confirmed ? `，${confirmed}` : ''}`,
  });
  return {
    fileName: `综治工作台密钥备份-${county || '本机'}-${fileStamp(at)}.zzkeys`,
    base64: Buffer.from(text).toString('base64'),
  };
}
