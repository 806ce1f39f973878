import type { HandlerMap } from '../../api/types';
import { assertOwnerInScope } from './owners';
import { listAttachments } from './repo';
import { readAttachment, uploadAttachment } from './service';

export const attachmentsHandlers = {
  'attachments.upload': (input, ctx) => uploadAttachment(ctx, input),
  'attachments.list': ({ entity, entityId }, ctx) => {
    assertOwnerInScope(ctx, entity, entityId);
    return listAttachments(ctx.sql, entity, entityId);
  },
  'attachments.read': ({ id }, ctx) => readAttachment(ctx, id),
} satisfies HandlerMap<'attachments.upload' | 'attachments.list' | 'attachments.read'>;
