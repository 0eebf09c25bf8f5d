/** The password rules, ticked off live as the user types (the same check the server runs). */
import { Flex, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { checkPassword, passwordProblemLabels, type PasswordProblem } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../app/i18n';

const m = defineMessages({ rules: ['密码规则', 'Password rules'] });
const shown: PasswordProblem[] = ['too_short', 'common', 'contains_username'];

export function PasswordRules({ password, username, serverProblems = [] }: { password: string; username: string; serverProblems?: PasswordProblem[] }) {
  const { t, l } = useI18n(m);
  const problems = new Set([...checkPassword(password, username), ...serverProblems]);
  const rules = problems.has('too_long') ? [...shown, 'too_long' as const] : shown;
  return (
    <div data-testid="password-rules" style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary">{t('rules')}</Typography.Text>
      {rules.map((p) => {
        const bad = problems.has(p);
        const idle = password.length === 0;
        const color = idle ? 'rgba(0,0,0,0.45)' : bad ? '#ff4d4f' : '#52c41a';
        return (
          <Flex key={p} gap={6} align="center" style={{ color }} data-rule={p} data-ok={!bad && !idle}>
            {bad || idle ? <CloseCircleFilled /> : <CheckCircleFilled />}
            <span>{l(passwordProblemLabels[p])}</span>
          </Flex>
        );
      })}
    </div>
  );
}

/** A random password that meets the rules, for an initial password handed to a user. */
export function generatePassword(length = 14): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
