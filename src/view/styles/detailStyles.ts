/**
 * Message actions and dropping images; image messages, the editor, the image dialog, the
 * upload tray and the reply quote/bar bring their own sheets with their chunks (messageImageStyles.ts,
 * editorStyles.ts, imageDialogStyles.ts, uploadStyles.ts, replyStyles.ts). Actions lie over the row's top corner
 * (no space taken, no jump when they show) and are hidden only visually until the row is hovered or holds focus; on
 * touch screens, which cannot hover, a "More actions" button opens them as a menu. Colours come from the theme's
 * `--tc-*` properties (hostStyles.ts).
 */
export const detailStyles = `
.tc-msg{position:relative}
.tc-msg-more{position:absolute;top:0;inset-inline-end:0;z-index:1;font-size:.8em}
.tc-msg[data-mine=true] .tc-msg-more{inset-inline:0 auto}
.tc-msg-actions{display:flex;gap:4px;opacity:0;pointer-events:none}
.tc-msg:hover .tc-msg-actions,.tc-msg:focus-within .tc-msg-actions{opacity:1;pointer-events:auto}
.tc-msg-more-button{display:none;min-width:32px;min-height:28px;font-size:1.2em;color:var(--tc-muted)}
@media (hover:none){.tc-msg-more-button{display:block}.tc-msg-actions{display:none;flex-direction:column;opacity:1;pointer-events:auto}
.tc-msg-more-button[aria-expanded=true]+.tc-msg-actions{display:flex}}
.tc-msg-action{min-height:24px;padding:2px 10px;border-radius:999px;border:1px solid var(--tc-border);background:var(--tc-bg);color:var(--tc-fg)}
.tc-danger-text{color:var(--tc-danger)}
.tc-msg-action:disabled{opacity:.6;cursor:default}
.tc-msg[data-highlight=true] .tc-msg-bubble{outline:3px solid var(--tc-accent);outline-offset:2px}
.tc-msg:focus{outline:none}
.tc-attach{flex:none;display:flex;align-items:center;justify-content:center;width:36px;height:36px;border-radius:var(--tc-radius);color:var(--tc-muted)}
.tc-attach:hover{color:var(--tc-fg)}
.tc-thread{position:relative}
.tc-thread[data-dropping=true]{outline:2px dashed var(--tc-accent);outline-offset:-6px}
.tc-drop-hint{position:absolute;inset:auto 0 50% 0;text-align:center;font-weight:600;color:var(--tc-accent);pointer-events:none}
`;
