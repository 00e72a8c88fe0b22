import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { basePath } from '../../api/base-path.ts';
import type { InstanceKind, InstanceColor } from '../../api/instance-kind.ts';
import { modelFromOpenApi } from '../../api/schema/discover.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { parseAppPath, paths } from '../../config/paths.ts';
import { EndpointTreePanel } from '../../features/endpoint-tree/EndpointTreePanel.tsx';
import { Frame } from '../layout/Frame.tsx';
import { ExplorerMantineProvider } from '../mantine-provider.tsx';
import { PRERENDER_GATE_SCRIPT } from './gate-script.ts';
import { PRERENDERED_ATTRIBUTE } from './marker.ts';

export { PRERENDER_GATE_SCRIPT };

export interface PrerenderInstance {
  name: string;
  kind?: InstanceKind;
  color?: InstanceColor;
}

/** Past this, a schema is drawn by the browser alone: the server renders synchronously, and must stay quick. */
export const MAX_PRERENDERED_ENDPOINTS = 150;

/** An instance's model from its OpenAPI document, or null when there is none to draw (or too much). */
export function prepareModel(openapi: unknown): ApiModel | null {
  try {
    const model = modelFromOpenApi(openapi, Date.now());
    const count = Object.keys(model.endpoints).length;
    return count > 0 && count <= MAX_PRERENDERED_ENDPOINTS ? model : null;
  } catch {
    return null;
  }
}

export interface PrerenderedPage {
  /** For `<head>`: hides the frame unless the tab holds a token for the instance, and sets the colour scheme. */
  head: string;
  /** For `<div id="root">`. */
  body: string;
}

const attribute = (value: string): string => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The instance whose endpoint tree the page at `url` (path and query, base path included) shows, as
 * AppLayout decides it: every view of an instance but its login page. Null for other pages.
 */
export function prerenderedInstance(url: string): string | null {
  const { pathname, search } = new URL(url, 'http://explorer.invalid');
  const base = basePath();
  if (base && !(pathname === base || pathname.startsWith(`${base}/`))) return null;
  const here = parseAppPath(pathname.slice(base.length) || '/', search);
  return here.instance !== undefined && here.view !== 'login' ? here.instance : null;
}

/**
 * The first paint of a signed-in view, drawn on the server: the page frame with the endpoint tree of
 * `instance` as the app draws it, an empty header and main area, and no row selected (one rendering
 * per schema serves every page of the instance; the app marks the selected row when it takes over).
 */
export function renderNavigation(instance: PrerenderInstance, model: ApiModel): PrerenderedPage {
  const base = basePath();
  const body = renderToString(
    <ExplorerMantineProvider>
      <StaticRouter location={paths.instance(instance.name)} basename={base || '/'}>
        <div {...{ [PRERENDERED_ATTRIBUTE]: '' }}>
          <Frame
            instance={instance}
            header={null}
            navbar={<EndpointTreePanel instance={instance.name} model={model} />}
          />
        </div>
      </StaticRouter>
    </ExplorerMantineProvider>,
  );
  const head =
    `<style>html:not([data-signed-in]) [${PRERENDERED_ATTRIBUTE}]{display:none}</style>` +
    `<script data-instance="${attribute(instance.name)}">${PRERENDER_GATE_SCRIPT}</script>`;
  return { head, body };
}
