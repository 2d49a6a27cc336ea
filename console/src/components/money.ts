/** Money in the API is in fen (1/100 yuan); shown in yuan. */
export function yuan(fen: number, locale: string): string {
  return `¥${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fen / 100)}`;
}
