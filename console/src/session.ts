// The API key lives in sessionStorage: it is gone when the tab closes, and it is never sent
// anywhere but this server's API, in the Authorization header.
const KEY = 'bulwark.key';
const LANG = 'bulwark.lang';

export function savedKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function saveKey(key: string): void {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY);
}

/** The language the user picked, if any (kept across sessions: it is not a secret). */
export function savedLanguage(): string | null {
  return localStorage.getItem(LANG);
}

export function saveLanguage(lang: string): void {
  localStorage.setItem(LANG, lang);
}
