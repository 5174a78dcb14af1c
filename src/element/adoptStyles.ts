/**
 * Styles the shadow root with one constructable stylesheet shared by every widget on the page; where the
 * browser lacks them (Safari before 16.4) a `<style>` whose text is our own CSS, never data.
 */
let shared: CSSStyleSheet | undefined;

export function adoptStyles(root: ShadowRoot, cssText: string): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (shared === undefined) {
      shared = new CSSStyleSheet();
      shared.replaceSync(cssText);
    }
    root.adoptedStyleSheets = [shared];
    return;
  }
  const style = document.createElement('style');
  style.textContent = cssText;
  root.prepend(style);
}
