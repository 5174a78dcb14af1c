/** The conversation list: one full-width button per conversation, its last message cut to one line. */
export const listStyles = `
.tc-convs{flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;display:flex;flex-direction:column}
.tc-new{margin:12px 16px;flex:none}
.tc-conv{display:flex;flex-direction:column;gap:2px;width:100%;padding:10px 16px;border-top:1px solid var(--tc-border)}
.tc-conv:hover{background:var(--tc-bubble-bg)}
.tc-conv-top,.tc-conv-bottom{display:flex;align-items:center;gap:8px;min-width:0}
.tc-conv-kind{flex:1;font-weight:600}
.tc-conv-time{color:var(--tc-muted);font-size:.85em}
.tc-conv-last{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;color:var(--tc-muted)}
`;
