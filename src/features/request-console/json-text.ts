/** Validation and formatting of the JSON body text. */

export type JsonCheck = { ok: true; value: unknown } | { ok: false; message: string };

export function checkJson(text: string): JsonCheck {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export function formatJson(text: string): string {
  const check = checkJson(text);
  return check.ok && check.value !== undefined ? JSON.stringify(check.value, null, 2) : text;
}
