/** The message editor and "Delete this message?": adopted when their chunk loads (actions/lazyEditor.ts). */
export const editorStyles = `
.tc-msg-confirm,.tc-msg-editor-buttons{display:flex;flex-wrap:wrap;align-items:center;gap:4px;padding:2px 4px 0;font-size:.8em}
.tc-msg-editor{display:flex;flex-direction:column;gap:4px;min-width:min(260px,70vw)}
.tc-msg-edit-input{resize:vertical;padding:6px 8px;border:1px solid var(--tc-border);border-radius:calc(var(--tc-radius) - 4px);
background:var(--tc-bg);color:var(--tc-fg)}
.tc-msg-confirm .tc-msg-action{min-height:28px;padding:4px 12px}
.tc-msg-action.tc-danger{background:var(--tc-danger);border-color:var(--tc-danger);color:#fff;font-weight:600}
`;
