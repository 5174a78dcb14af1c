/**
 * The support inbox (a chunk of its own): one pane, or the list (a third, 260-340 px) beside the open thread with
 * a border between; the open conversation's row is marked; "Waiting 3 min" and "Handed over" stand out.
 */
export const inboxStyles = `
.tc-inbox{flex:1;min-height:0;display:flex}
.tc-inbox-list,.tc-inbox-thread{flex:1;min-width:0;display:flex;flex-direction:column}
.tc-inbox-wide .tc-inbox-list{flex:0 0 clamp(260px,34%,340px);border-inline-end:1px solid var(--tc-border)}
.tc-inbox-pick{margin:auto;text-align:center}
.tc-inbox-item[aria-current=true]{background:var(--tc-bubble-bg);box-shadow:inset 3px 0 var(--tc-accent)}
.tc-inbox-item[data-waiting=true] .tc-conv-who{color:var(--tc-fg)}
.tc-inbox-item{grid-template-columns:minmax(0,1fr) auto auto;grid-template-areas:"head head time" "last waiting unread"}
.tc-inbox-waiting{grid-area:waiting;color:var(--tc-danger);font-size:.85em;font-weight:600}
.tc-inbox-mark{flex:none;font-size:.8em;padding:0 6px;border-radius:var(--tc-pill);border:1px solid currentColor;color:var(--tc-accent)}
`;
