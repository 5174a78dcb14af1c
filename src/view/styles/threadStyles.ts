/**
 * The thread. Virtual rows are spaced with padding, never margins: a row's height is measured with offsetHeight,
 * which does not include margins, and a margin would also collapse through the paddings that stand for unrendered
 * rows. The log turns off the browser's own scroll anchoring because VirtualList anchors itself.
 */
export const threadStyles = `
.tc-thread{flex:1;min-height:0;display:flex;flex-direction:column}
.tc-log-wrap{position:relative;flex:1;min-height:0;display:flex;flex-direction:column}
.tc-vlist{position:relative;overflow-y:auto;overflow-anchor:none}
.tc-log{flex:1;min-height:0;overscroll-behavior:contain;padding:0 12px}
.tc-log-loading{flex:none;align-self:center;margin:6px 0 2px;padding:2px 10px;border-radius:var(--tc-pill);
background:var(--tc-bubble-bg);color:var(--tc-muted);font-size:.85em}
.tc-vlist-row{padding:4px 0}
.tc-msg{display:flex;flex-direction:column;align-items:flex-start;max-width:100%}
.tc-msg[data-mine=true]{align-items:flex-end}
.tc-msg-meta{display:flex;gap:6px;align-items:baseline;font-size:.8em;color:var(--tc-muted);padding:0 4px 2px}
.tc-msg-sender{font-weight:600}
.tc-msg-bubble{max-width:85%;padding:8px 12px;border-radius:var(--tc-radius);background:var(--tc-bubble-bg);color:var(--tc-bubble-fg);
overflow-wrap:anywhere}
.tc-msg[data-mine=true] .tc-msg-bubble{background:var(--tinychat-mine-bg,var(--tc-accent));color:var(--tinychat-mine-fg,var(--tc-accent-fg))}
.tc-msg[data-status=pending] .tc-msg-bubble{outline:1px dashed var(--tc-muted);outline-offset:2px}
.tc-msg[data-status=failed] .tc-msg-bubble{outline:1px solid var(--tc-danger)}
.tc-msg-text{white-space:pre-wrap}
.tc-msg-note{font-style:italic}
.tc-msg-edited{font-size:.8em;font-style:italic;margin-inline-start:6px}
.tc-msg-status,.tc-msg-seen{font-size:.8em;color:var(--tc-muted);padding:2px 4px 0}
.tc-msg-failed{display:flex;flex-wrap:wrap;gap:2px 10px;font-size:.85em;color:var(--tc-danger);padding:2px 4px 0}
.tc-jump{position:absolute;bottom:10px;left:50%;transform:translateX(-50%);z-index:1;padding:6px 12px;border-radius:var(--tc-pill);
background:var(--tc-accent);color:var(--tc-accent-fg);font-size:.85em;font-weight:600;box-shadow:var(--tc-shadow)}
.tc-msg-frame{width:min(240px,60vw);aspect-ratio:4/3;overflow:hidden;border-radius:8px;background:var(--tc-bg)}
.tc-welcome{margin:12px;padding:14px 16px;border-radius:var(--tc-radius);background:var(--tc-bubble-bg)}
.tc-welcome-title{font-weight:600}
.tc-welcome-text{color:var(--tc-muted)}
.tc-typing{flex:none;padding:2px 16px;font-size:.85em;color:var(--tc-muted);font-style:italic}
`;
