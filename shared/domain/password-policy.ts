/**
 * Password rules (等保2.0 level 2): at least 8 characters from at least 3 of the 4 classes, not
 * containing the username. Shared so forms give the same answer the backend enforces.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;
export const PASSWORD_MIN_CLASSES = 3;

const CLASSES: ReadonlyArray<RegExp> = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** Chinese problems with the password; empty when it is acceptable. */
export function passwordProblems(password: string, username = ''): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 位`);
  const classes = CLASSES.filter((pattern) => pattern.test(password)).length;
  if (classes < PASSWORD_MIN_CLASSES) {
    problems.push('密码须包含大写字母、小写字母、数字、符号中的至少 3 类');
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}
