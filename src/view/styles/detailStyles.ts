/**
 * Message actions and dropping images; image messages, the editor, the image dialog, the
 * upload tray and the reply quote/bar bring their own sheets with their chunks (messageImageStyles.ts,
 * editorStyles.ts, imageDialogStyles.ts, uploadStyles.ts, replyStyles.ts). Actions stay in the layout (no jump when they show) and are hidden only visually until the row
 * is hovered or holds focus; on touch screens, which cannot hover, they always show. Colours come from the theme's
 * `--tc-*` properties (hostStyles.ts).
 */
export const detailStyles = `
.tc-msg-actions{display:flex;flex-wrap:wrap;align-items:center;gap:4px;padding:2px 4px 0;font-size:.8em;opacity:0}
.tc-msg:hover .tc-msg-actions,.tc-msg:focus-within .tc-msg-actions{opacity:1}
@media (hover:none){.tc-msg-actions{opacity:1}}
.tc-msg-action{padding:2px 8px;border-radius:999px;border:1px solid var(--tc-border);background:var(--tc-bg);color:var(--tc-fg)}
.tc-msg-action:disabled{opacity:.6;cursor:default}
.tc-msg[data-highlight=true] .tc-msg-bubble{outline:3px solid var(--tc-accent);outline-offset:2px}
.tc-msg:focus{outline:none}
.tc-attach{flex:none;display:flex;align-items:center;justify-content:center;width:36px;height:36px;border-radius:var(--tc-radius);color:var(--tc-muted)}
.tc-attach:hover{color:var(--tc-fg)}
.tc-thread{position:relative}
.tc-thread[data-dropping=true]{outline:2px dashed var(--tc-accent);outline-offset:-6px}
.tc-drop-hint{position:absolute;inset:auto 0 50% 0;text-align:center;font-weight:600;color:var(--tc-accent);pointer-events:none}
`;
