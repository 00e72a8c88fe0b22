/**
 * Thrown by a resource hook to refuse a write. The engine answers `status` with `body` plus
 * Alyx's `status_code` key: `{field: [messages]}` for a 400 like DRF validation, `{detail}` otherwise.
 */
export class WriteRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.detail === 'string' ? body.detail : `HTTP ${status}`);
  }
}
