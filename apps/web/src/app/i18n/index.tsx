/**
 * A small typed dictionary instead of an i18n library: each feature defines its own
 * messages as `key: [zh-CN, en-US]` pairs beside its code, so the two languages stay
 * side by side and a missing translation is a type error.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { setApiLocale } from '../../lib/api';
import { commonMessages } from './common';

export type Locale = 'zh-CN' | 'en-US';
export type Messages = Record<string, readonly [zh: string, en: string]>;
export type Label = { zh: string; en: string };
type Vars = Record<string, string | number>;

const STORAGE_KEY = 'zhizhao.locale';

export function defineMessages<M extends Messages>(m: M): M {
  return m;
}

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyLocale(locale: Locale) {
  setApiLocale(locale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}

type LocaleState = { locale: Locale; setLocale: (l: Locale) => void };
const LocaleContext = createContext<LocaleState | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const l = initialLocale();
    applyLocale(l);
    return l;
  });
  const setLocale = useCallback((l: Locale) => {
    applyLocale(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    setState(l);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const ctx = useContext(LocaleContext);
  if (!ctx) throw new Error('useLocale outside LocaleProvider');
  return ctx;
}

function format(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** `t(key, vars)` for the feature's messages and the common ones; `l(label)` for `{zh,en}` labels. */
export function useI18n<M extends Messages>(messages: M) {
  const { locale } = useLocale();
  const i = locale === 'zh-CN' ? 0 : 1;
  const t = useCallback(
    (key: keyof M | keyof typeof commonMessages, vars?: Vars): string => {
      const pair = (messages as Messages)[key as string] ?? (commonMessages as Messages)[key as string];
      return pair ? format(pair[i], vars) : String(key);
    },
    [messages, i],
  );
  const l = useCallback((label: Label | null | undefined) => (label ? (i === 0 ? label.zh : label.en) : ''), [i]);
  return { t, l, locale };
}
