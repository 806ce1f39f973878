import { principalOf, type HandlerMap } from '../../api/types';
import { listMeetings } from './repo';
import { addMeetingDecision, assignMeetingDecision, createMeeting, detailOf, meetingInScope } from './service';

export const meetingsHandlers = {
  'meetings.list': (input, ctx) => listMeetings(ctx.sql, input, principalOf(ctx).regionCode),
  'meetings.get': ({ id }, ctx) => detailOf(ctx, meetingInScope(ctx, id).id),
  'meetings.create': (input, ctx) => createMeeting(ctx, input),
  'meetings.addDecision': (input, ctx) => addMeetingDecision(ctx, input),
  'meetings.assignDecision': (input, ctx) => assignMeetingDecision(ctx, input),
} satisfies HandlerMap<
  'meetings.list' | 'meetings.get' | 'meetings.create' | 'meetings.addDecision' | 'meetings.assignDecision'
>;
