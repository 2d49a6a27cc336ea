// The language context: `t(key, values)` for texts, `term(code)` for the API's codes (alert kinds,
// decisions ...), `time(iso)` and `num(n)` formatted for the language. Simplified Chinese is the
// default for merchants and for browsers set to Chinese; the choice is remembered.
import { createContext, useContext, type ReactNode } from 'react';
import { en, terms, zh, type MessageKey } from './messages';

export type Lang = 'en' | 'zh';

export interface I18n {
  lang: Lang;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** The name of an API code (alert kind, decision, severity ...); the code itself when unnamed. */
  term(code: string): string;
  time(iso: string): string;
  num(n: number): string;
}

export function makeI18n(lang: Lang): I18n {
  const table: Record<MessageKey, string> = lang === 'zh' ? zh : en;
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  // Event time is UTC everywhere in Bulwark; showing it in UTC keeps it comparable with the API.
  const tf = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC', hour12: false });
  return {
    lang,
    t(key, values) {
      return table[key].replace(/\{(\w+)\}/g, (m, name: string) => (values && name in values ? String(values[name]) : m));
    },
    term: (code) => terms[lang][code] ?? code,
    time: (iso) => `${tf.format(new Date(iso))} UTC`,
    num: (n) => nf.format(n),
  };
}

/** The language to start in: the saved choice, else Chinese for merchants and Chinese browsers. */
export function initialLang(saved: string | null, role: string | undefined): Lang {
  if (saved === 'en' || saved === 'zh') return saved;
  if (role === 'merchant') return 'zh';
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const Ctx = createContext<I18n>(makeI18n('en'));

export function I18nProvider({ value, children }: { value: I18n; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  return useContext(Ctx);
}
