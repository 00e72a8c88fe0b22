/**
 * The theme's CSS variables as a canvas needs them (colour strings), read where they apply, so a
 * chart follows the Mantine theme and the colour scheme. `fallback` when a variable is unset.
 */
export function cssVariableReader(element: Element): (name: string, fallback: string) => string {
  const style = getComputedStyle(element);
  return (name, fallback) => style.getPropertyValue(name).trim() || fallback;
}
