/**
 * The password policy (foundation issue §5): at least 10 characters, not a common
 * password, not containing the username. Returns every broken rule, so the form can
 * show them all at once.
 */
export type PasswordProblem = 'too_short' | 'common' | 'contains_username' | 'too_long';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Common passwords of ten or more characters (shorter ones fail the length rule anyway),
 * from public leaked-password top lists, with the ones popular in China (拼音, dates, keyboard walks).
 */
const COMMON = new Set([
  '1234567890', '0123456789', '12345678910', '123456789a', 'a123456789', '1234567890a', 'a1234567890', '1q2w3e4r5t',
  '1q2w3e4r5t6y', 'qwertyuiop', 'qwertyuiop123', 'qwerty123456', '1qaz2wsx3edc', '1qaz2wsx3e', 'zaq12wsxcde3', 'asdfghjkl;',
  'asdfghjkl1', 'zxcvbnm123', 'qazwsxedc123', 'qazwsxedcrfv', 'password12', 'password123', 'password1234', 'passw0rd123',
  'p@ssw0rd123', 'p@ssword123', 'iloveyou123', 'woaini1314', 'woaini520520', 'woaini123456', '5201314520', '5201314woaini',
  'aa123456789', 'abc1234567', 'abcd123456', 'abcde12345', 'abc123456789', 'abcdefghij', '1111111111', '0000000000',
  '8888888888', '6666666666', '1231231231', '1212121212', '9876543210', '0987654321', '11223344556', 'a1b2c3d4e5',
  'admin12345', 'admin123456', 'administrator', 'welcome123', 'sunshine123', 'princess123', 'football123', 'baseball123',
  'dragon12345', 'monkey12345', 'shadow12345', 'superman123', 'trustno1234', 'letmein1234', 'changeme123', 'changeme12',
  'qq123456789', 'zhangwei123', 'wangjing123', 'liuyang123', 'zhang123456', 'wang1234567', 'li123456789', 'aini1314520',
  '147258369a', '1472583690', '1357924680', 'zxcvbnm,./', 'q1w2e3r4t5', 'q1w2e3r4t5y6', '123qweasdzxc', 'qweasdzxc123',
  'zhizhao123', 'zhizhao2024', 'zhizhao2025', 'zhizhao2026', 'mima123456', 'mima12345678', 'xuexiao123', 'jiaoyuju123',
]);

function looksTrivial(p: string): boolean {
  if (/^(.)\1+$/.test(p)) return true; // one repeated character
  const codes = [...p].map((c) => c.charCodeAt(0));
  const step = codes[1]! - codes[0]!;
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1]! === step); // abcdefghij, 9876543210
}

export function checkPassword(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || looksTrivial(lower)) problems.push('common');
  const user = username.trim().toLowerCase();
  if (user.length >= 3 && lower.includes(user)) problems.push('contains_username');
  return problems;
}

export const passwordProblemLabels: Record<PasswordProblem, { zh: string; en: string }> = {
  too_short: { zh: `至少 ${PASSWORD_MIN_LENGTH} 个字符`, en: `at least ${PASSWORD_MIN_LENGTH} characters` },
  too_long: { zh: `不超过 ${PASSWORD_MAX_LENGTH} 个字符`, en: `at most ${PASSWORD_MAX_LENGTH} characters` },
  common: { zh: '不能使用常见密码', en: 'must not be a common password' },
  contains_username: { zh: '不能包含用户名', en: 'must not contain the username' },
};
