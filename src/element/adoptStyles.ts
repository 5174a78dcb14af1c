import { onFeatureStyles } from '../view/styles/featureStyles.ts';

/**
 * Styles the shadow root with one constructable stylesheet shared by every widget on the page, then the sheets of
 * lazy features as their chunks load (one sheet per feature, shared too); where the browser lacks constructable
 * sheets (Safari before 16.4) a `<style>` whose text is our own CSS, never data. Returns a function that stops
 * adding features' sheets to this root (call it when the element leaves the page).
 */
let shared: CSSStyleSheet | undefined;
const featureSheets = new Map<string, CSSStyleSheet>();

export function adoptStyles(root: ShadowRoot, cssText: string): () => void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (shared === undefined) {
      shared = new CSSStyleSheet();
      shared.replaceSync(cssText);
    }
    root.adoptedStyleSheets = [shared];
    return onFeatureStyles((css) => {
      let sheet = featureSheets.get(css);
      if (sheet === undefined) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        featureSheets.set(css, sheet);
      }
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    });
  }
  const style = document.createElement('style');
  style.textContent = cssText;
  root.prepend(style);
  return onFeatureStyles((css) => void (style.textContent += css));
}
