/**
 * Which upstream content types the proxy passes through. An Alyx API client needs JSON (plain,
 * coreapi, OpenAPI), YAML (OpenAPI) and plain-text error bodies; anything a browser could render as
 * an active document on the explorer's origin — HTML, SVG, XML, JavaScript, or an unknown type — is
 * handed over as inert bytes instead. The body is untouched: the client still reads an HTML error
 * page as text and names it (src/api/http/errors.ts sniffs `<!doctype`/`<html`).
 */
const PASSED_THROUGH = [
  /^application\/json$/,
  /^application\/[a-z0-9.+-]+\+json$/, // coreapi+json, vnd.oai.openapi+json, problem+json
  /^application\/(x-)?yaml$/,
  /^text\/(x-)?yaml$/,
  /^application\/vnd\.oai\.openapi$/, // OpenAPI as YAML
  /^text\/plain$/,
];

/** Text that is rendered as markup when opened: kept readable as text, never as a document. */
const MARKUP =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|(text|application)\/xml|application\/[a-z0-9.+-]+\+xml)$/;

export interface SafeContentType {
  contentType: string;
  /** True when the upstream type was replaced: the response is then also marked as a download. */
  neutralised: boolean;
}

/** The content type the browser gets for an upstream `content-type` header (absent: unknown, so inert bytes). */
export function safeContentType(upstream: string | null): SafeContentType {
  const [type = '', ...params] = (upstream ?? '').split(';');
  const essence = type.trim().toLowerCase();
  if (upstream !== null && PASSED_THROUGH.some((pattern) => pattern.test(essence))) {
    return { contentType: upstream, neutralised: false };
  }
  if (MARKUP.test(essence)) {
    const charset = params.map((param) => param.trim()).find((param) => /^charset=[\w.:-]+$/i.test(param));
    return { contentType: `text/plain; ${charset ?? 'charset=utf-8'}`, neutralised: true };
  }
  return { contentType: 'application/octet-stream', neutralised: true };
}
