/**
 * The conversation list: one full-width button per conversation, its last message cut to one line. The button's
 * text runs in reading order (who, kind, last message, time, unread); the grid lays it out as two lines with the
 * time and the badge at the end.
 */
export const listStyles = `
.tc-convs{flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;display:flex;flex-direction:column}
.tc-new{margin:12px 16px;flex:none}
.tc-conv{position:relative;display:grid;grid-template-columns:minmax(0,1fr) auto;grid-template-areas:"head time" "last unread";
column-gap:8px;row-gap:2px;align-items:center;width:100%;padding:10px 16px;border-top:1px solid var(--tc-border)}
.tc-conv:hover{background:var(--tc-bubble-bg)}
.tc-conv:focus-visible{outline-offset:-2px}
.tc-conv-head{grid-area:head;display:flex;align-items:baseline;gap:8px;min-width:0}
.tc-conv-who{font-weight:600;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.tc-conv-kind{flex:none;color:var(--tc-muted);font-size:.85em}
.tc-conv-time{grid-area:time;color:var(--tc-muted);font-size:.85em}
.tc-conv-last{grid-area:last;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;color:var(--tc-muted)}
.tc-conv-unread{grid-area:unread;justify-self:end}
.tc-conv-sep{font-size:0}
`;
