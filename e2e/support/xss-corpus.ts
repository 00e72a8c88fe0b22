/**
 * Hostile strings that try to run script in the explorer. Every executable payload sets
 * `window.__xss` (or opens a dialog), so a browser test only has to check that flag and listen for
 * dialogs. Plain data: unit tests import it too.
 */

/** What a payload does when it runs. */
export const XSS_FLAG = '__xss';
const RUN = `window.${XSS_FLAG}=1`;

/** Markup and script in text: must render as text. */
export const MARKUP_PAYLOADS: readonly string[] = [
  `<script>${RUN}</script>`,
  `<SCRIPT SRC=data:text/javascript,${RUN}></SCRIPT>`,
  `<img src=x onerror="${RUN}">`,
  `<IMG SRC=x OnErRoR=${RUN}>`,
  `"><img src=x onerror=${RUN}>`,
  `'><svg/onload=${RUN}>`,
  `<svg><script>${RUN}</script></svg>`,
  `<svg><a xlink:href="javascript:${RUN}"><text x="0" y="20">svg link</text></a></svg>`,
  `<svg><animate onbegin=${RUN} attributeName=x dur=1s>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<math href="javascript:${RUN}">math link</math>`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<iframe srcdoc="<script>parent.${RUN}</script>"></iframe>`,
  `<body onload=${RUN}>`,
  `<details open ontoggle=${RUN}>`,
  `<input autofocus onfocus=${RUN}>`,
  `<a href="javascript:${RUN}">anchor</a>`,
  `<form action="javascript:${RUN}"><button>go</button></form>`,
  `<object data="data:text/html,<script>parent.${RUN}</script>"></object>`,
  `<style>@import 'javascript:${RUN}';</style>`,
  `&lt;script&gt;${RUN}&lt;/script&gt;`,
  `&#60;img src=x onerror=${RUN}&#62;`,
  `{{constructor.constructor('${RUN}')()}}`,
  `\${${RUN}}`,
];

/** Strings a renderer might put into an `href`: none may become a link. */
export const URL_PAYLOADS: readonly string[] = [
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  ` javascript:${RUN}`,
  `\tjava\nscript:${RUN}`,
  `java&#x09;script:${RUN}`,
  `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${RUN}`,
  `javascript&colon;${RUN}`,
  `%6A%61%76%61%73%63%72%69%70%74:${RUN}`,
  `data:text/html,<script>parent.${RUN}</script>`,
  `DATA:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==`,
  `vbscript:msgbox(1)`,
  `VbScRiPt:msgbox(1)`,
];

/** The schema's descriptions go through the markdown renderer: tricks aimed at it. */
export const MARKDOWN_PAYLOADS: readonly string[] = [
  `[click](javascript:${RUN})`,
  `[click](JAVASCRIPT:${RUN})`,
  `[click](  javascript:${RUN}  )`,
  `[click](data:text/html,<script>${RUN}</script>)`,
  `[click](vbscript:msgbox(1))`,
  `[ref link][x]\n\n[x]: javascript:${RUN}`,
  `![img](x" onerror="${RUN})`,
  `<javascript:${RUN}>`,
  `[a](<javascript:${RUN}>)`,
  `**bold <img src=x onerror=${RUN}>**`,
  `\`\`\`html\n<script>${RUN}</script>\n\`\`\``,
];

/** Not script, but still able to take a view down or mislead. */
export const SHAPE_PAYLOADS: readonly string[] = [
  'x'.repeat(100_000),
  '\u202Egnp.exe',
  '\u202Dabc\u202C\u2066\u2069\u200F',
  '\uD800 lone surrogate',
  '\u0000\u0007\u001b[31m\r\n',
  '%E0%A4%A',
  '__proto__',
];

export const XSS_CORPUS: readonly string[] = [
  ...MARKUP_PAYLOADS,
  ...URL_PAYLOADS,
  ...MARKDOWN_PAYLOADS,
  ...SHAPE_PAYLOADS,
];

/** Object keys that poison naive merges or look like markup: used as field names. */
export const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  `<img src=x onerror=${RUN}>`,
  `javascript:${RUN}`,
  '\u202Eeman',
];

/** A JSON object whose keys and values are all hostile, `__proto__` as an own key. */
export function hostileJson(): Record<string, unknown> {
  const entries: [string, unknown][] = HOSTILE_KEYS.map((key, i) => [key, XSS_CORPUS[i % XSS_CORPUS.length]]);
  entries.push([
    'nested',
    { list: [...URL_PAYLOADS], deeper: { [HOSTILE_KEYS[3] ?? 'k']: MARKUP_PAYLOADS } },
  ]);
  // JSON.parse keeps `__proto__` as an own property; an object literal would not.
  return JSON.parse(JSON.stringify(Object.fromEntries(entries))) as Record<string, unknown>;
}
