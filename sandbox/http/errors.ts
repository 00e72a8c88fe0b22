/** A DRF-handled error: rendered as JSON with Alyx's extra `status_code` key. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.detail === 'string' ? body.detail : `HTTP ${status}`);
  }
}

export function detailError(status: number, detail: string, headers: Record<string, string> = {}): ApiError {
  return new ApiError(status, { detail }, headers);
}

/** 400 with DRF's `{field: [messages]}` body. */
export function validationError(errors: Record<string, string[]>): ApiError {
  return new ApiError(400, errors);
}

/**
 * A non-DRF exception inside a view (Django FieldError, ValueError…): Alyx's handler turns it
 * into 500 `{"status_code": 500, "detail": str(exc)}`.
 */
export class ServerError extends Error {}

/** Path matches no route: Django's HTML 404, not JSON. */
export class RouteNotFound extends Error {}

export const HTML_404 = `<!doctype html>
<html lang="en">
<head>
  <title>Not Found</title>
</head>
<body>
  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>
</body>
</html>
`;

export function html404(): Response {
  return new Response(HTML_404, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', vary: 'Accept', ...headers },
  });
}

export function apiErrorResponse(error: ApiError): Response {
  return jsonResponse(error.status, { ...error.body, status_code: error.status }, error.headers);
}

export function serverErrorResponse(detail: string): Response {
  return jsonResponse(500, { status_code: 500, detail });
}
