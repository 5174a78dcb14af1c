/**
 * The CSS the agent components rely on (add it to the widget's shadow-root stylesheet). Without
 * `pre-wrap` the streaming tail would lose its line breaks until its block completes.
 */
export const agentStyles = `
.tc-md-tail{white-space:pre-wrap;margin:0}
.tc-md>:first-child,.tc-md-done:first-child>:first-child{margin-top:0}
.tc-md>:last-child,.tc-md-done:last-child>:last-child{margin-bottom:0}
.tc-md-done{display:contents}
.tc-md pre{overflow-x:auto;white-space:pre;padding:.5em;border-radius:calc(var(--tc-radius,12px) / 3);background:var(--tinychat-code-bg,rgba(127,127,127,.12))}
.tc-md code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
.tc-md a,.tc-sources a{overflow-wrap:anywhere}
.tc-sources-title{font-weight:600;margin:.5em 0 .25em}
.tc-sources ul{margin:0;padding-inline-start:1.2em}
.tc-agent-note{opacity:.7;font-size:.9em}
.tc-stop,.tc-talk-person,.tc-agent-error button{border:1px solid var(--tc-border,currentColor);border-radius:999px;padding:.2em .75em;font-size:.85em;font-weight:600;margin-top:.5em}
.tc-talk-person{margin:0;white-space:nowrap}
.tc-rate-limit,.tc-agent-error{margin:.5em 12px;font-size:.9em}
.tc-agent-error p{margin:0}
.tc-vlist-footer{contain:layout style}
.tc-agent-reply .tc-md-done>*{contain:paint}
`;
