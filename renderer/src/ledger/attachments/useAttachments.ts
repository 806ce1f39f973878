import { ElMessage } from 'element-plus';
import type { AttachmentMeta } from '@shared/contract/attachments';
import type { AttachmentEntity } from '@shared/domain/attachments';
import { ApiError, call } from '@/api/client';
import { useLoader } from '@/composables/useLoader';
import { downloadBase64 } from '@/utils/download';

/** One record's attachments: the list (loaded on demand) and downloading one of them. */
export function useAttachments(entity: AttachmentEntity, entityId: () => string) {
  const {
    data: items,
    loading,
    error,
    load,
  } = useLoader(() => call('attachments.list', { entity, entityId: entityId() }), [] as AttachmentMeta[]);

  /** The backend checks the file's SHA-256 first; a changed or missing file comes back as its message. */
  async function download(attachment: Pick<AttachmentMeta, 'id'>): Promise<void> {
    try {
      const file = await call('attachments.read', { id: attachment.id });
      downloadBase64(file.fileName, file.base64, file.mime);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      ElMessage.error({ message: failure.message, duration: 8000 });
    }
  }

  return { items, loading, error, load, download };
}
