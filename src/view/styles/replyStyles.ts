/** A reply's quote above its bubble and the "Replying to" bar above the composer: adopted when their chunk loads (actions/lazyReply.ts). */
export const replyStyles = `
.tc-quote{display:flex;flex-direction:column;max-width:85%;margin:0 0 2px;padding:4px 10px;border-inline-start:3px solid var(--tc-accent);
border-radius:calc(var(--tc-radius) - 6px);background:var(--tc-bubble-bg);color:var(--tc-fg);font-size:.85em}
.tc-quote-sender{font-weight:600}
.tc-quote-text{color:var(--tc-muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:100%}
.tc-reply-bar{flex:none;display:flex;align-items:center;gap:8px;padding:6px 12px;border-top:1px solid var(--tc-border);font-size:.85em}
.tc-reply-bar-quote{flex:1;min-width:0;display:flex;flex-direction:column;border-inline-start:3px solid var(--tc-accent);padding-inline-start:8px}
`;
