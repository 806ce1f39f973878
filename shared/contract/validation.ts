import type { z } from 'zod';
import type { ErrorDetail } from '../errors';

/** Turns a zod failure into field details: `path` is dotted (`items.0.name`), the message Chinese. */
export function validationDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** One sentence naming the first field at fault and how many more there are. */
export function validationMessage(details: ErrorDetail[]): string {
  const first = details[0];
  const where = first?.path ? `“${first.path}”` : '';
  const more = details.length > 1 ? `等 ${details.length} 处` : '';
  return `输入有误：${where}${first?.message ?? ''}${more}，请修改后重试。`;
}
