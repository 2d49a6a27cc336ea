// Opaque page cursors: the sort key of the last item, base64url-encoded JSON.

export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** Decodes a cursor of `arity` parts; throws a CursorError the HTTP layer maps to 400. */
export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === arity && parts.every((p) => typeof p === 'string')) return parts as string[];
  } catch { /* reported below */ }
  throw new CursorError(`cursor ${JSON.stringify(cursor.slice(0, 40))} is not one this API gave out; pass next_cursor from a previous page`);
}

export class CursorError extends Error {
  readonly code = 'ERR_QUERY_CURSOR';
}
