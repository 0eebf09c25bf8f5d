import { Segmented } from 'antd';
import { useLocale, type Locale } from '../app/i18n';

export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  return (
    <Segmented<Locale>
      size="small"
      data-testid="language-switch"
      value={locale}
      onChange={setLocale}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en-US', label: 'EN' },
      ]}
    />
  );
}
