import { obtainToken } from '../auth/tokens.ts';
import { expectObject, parseBody } from './body.ts';
import { ApiError, detailError, jsonResponse, validationError } from './errors.ts';
import type { Runtime } from './runtime.ts';

/** `POST /auth-token`: DRF's ObtainAuthToken (anonymous, unthrottled, JSON/form/multipart). */
export async function authToken(runtime: Runtime, request: Request): Promise<Response> {
  if (request.method === 'OPTIONS')
    return jsonResponse(200, {
      name: 'Obtain Auth Token',
      description: '',
      renders: ['application/json'],
      parses: ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'],
    });
  if (request.method !== 'POST')
    throw detailError(405, `Method "${request.method}" not allowed.`, { allow: 'POST, OPTIONS' });
  const body = expectObject((await parseBody(request)).data);
  const errors: Record<string, string[]> = {};
  const read = (name: string): string => {
    const raw = Array.isArray(body[name]) ? (body[name] as unknown[])[0] : body[name];
    if (raw === undefined) errors[name] = ['This field is required.'];
    else if (raw === null) errors[name] = ['This field may not be null.'];
    else if (String(raw) === '' || (name === 'username' && String(raw).trim() === ''))
      errors[name] = ['This field may not be blank.'];
    return raw === undefined || raw === null ? '' : String(raw);
  };
  const username = read('username').trim();
  const password = read('password');
  if (Object.keys(errors).length > 0) throw validationError(errors);
  const token = await obtainToken(runtime.db, username, password);
  if (!token) throw new ApiError(400, { non_field_errors: ['Unable to log in with provided credentials.'] });
  return jsonResponse(200, { token });
}
