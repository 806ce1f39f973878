import { z } from 'zod';
import type { LedgerKey } from '../domain/ledger/records';
import type { NotificationKind } from '../domain/notifications';
import { defineMethod, noInput, pageFields, type Page } from './define';

/** One notification as its account sees it. */
export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  ledger: LedgerKey;
  recordId: string;
  /** The record's number (XF2026-000123). */
  recordNo: string;
  text: string;
  createdAt: string;
  read: boolean;
}

export interface UnreadCount {
  count: number;
  /** The newest unread notification, for the desktop's notice; null when none is unread. */
  newest: { id: string; text: string } | null;
}

export const notificationsContract = {
  // session: each account reads what is addressed to it or its unit, of the ledgers it may read, in its townships.
  'notifications.list': defineMethod<Page<NotificationItem>>()({
    input: z
      .object({
        unreadOnly: z.boolean().default(false),
        ...pageFields,
      })
      .strict(),
    access: 'session',
    summary: '通知中心：交办、临期、超期、退回、督办通知（未读在前）',
  }),
  'notifications.unreadCount': defineMethod<UnreadCount>()({
    input: noInput,
    access: 'session',
    summary: '未读通知数和最新一条',
  }),
  'notifications.markRead': defineMethod<{ marked: number }>()({
    input: z
      .object({
        // Without an id: every notification the account sees.
        id: z.uuid({ error: '通知编号格式不正确，请刷新后重试' }).optional(),
      })
      .strict(),
    access: 'session',
    summary: '标记通知已读（一条或全部）',
  }),
};
