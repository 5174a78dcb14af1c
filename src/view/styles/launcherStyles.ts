/**
 * The bubble-mode launcher: fixed at the bottom of the inline end (bottom-right, bottom-left in right-to-left
 * languages; `--tinychat-offset-*`), round, with its badge on the corner.
 */
export const launcherStyles = `
.tc-launcher{position:fixed;inset-inline-end:var(--tinychat-offset-inline,var(--tinychat-offset-right,20px));bottom:calc(var(--tinychat-offset-bottom,20px) + env(safe-area-inset-bottom,0px));z-index:var(--tc-z);
width:var(--tinychat-launcher-size,56px);height:var(--tinychat-launcher-size,56px);border-radius:var(--tinychat-launcher-radius,50%);
display:flex;align-items:center;justify-content:center;background:var(--tc-accent);color:var(--tc-accent-fg);box-shadow:var(--tc-shadow);
transition:transform .15s ease}
.tc-launcher:hover{transform:scale(1.05)}
.tc-launcher:focus-visible{outline-offset:3px}
.tc-launcher-badge{position:absolute;top:-2px;inset-inline-end:-2px}
`;
