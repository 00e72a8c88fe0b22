import { TOKEN_KEY_PREFIX } from '../../api/auth/token-store.ts';

/**
 * Runs inline in `<head>` before the first paint of a server-drawn page (ADR 0038): the endpoint tree
 * shows only in a tab that holds a token for the instance,
 * in the colour scheme Mantine will apply (its localStorage key), so the app's first render changes
 * neither. Inline, so the parser does not wait for a request; the CSP allows it by its hash alone.
 */
export const PRERENDER_GATE_SCRIPT = `(function () {
  var root = document.documentElement;
  var script = document.currentScript;
  try {
    var scheme = localStorage.getItem('mantine-color-scheme-value');
    if (scheme !== 'light' && scheme !== 'dark')
      scheme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    root.setAttribute('data-mantine-color-scheme', scheme);
    var key = '${TOKEN_KEY_PREFIX}' + (script && script.getAttribute('data-instance'));
    if (sessionStorage.getItem(key) || localStorage.getItem(key)) root.setAttribute('data-signed-in', '');
  } catch (error) {
    // No Web Storage: the tree stays hidden and the app draws it.
  }
})();`;
