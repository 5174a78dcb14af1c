/**
 * The panel in each mode: floating above the launcher (bubble), filling the viewport (fullscreen, and bubble under
 * 480 px wide, where the launcher hides behind it), or filling its container (inline). Safe-area insets keep the
 * header and composer clear of notches and home indicators. The `--tc-vv-*` properties are the visual viewport
 * (useVisualViewport): with the on-screen keyboard up, the panel ends where the keyboard starts.
 */
export const panelStyles = `
.tc-panel{display:flex;flex-direction:column;background:var(--tc-bg);color:var(--tc-fg);overflow:hidden;outline:none}
.tc-mode-bubble .tc-panel{position:fixed;z-index:var(--tc-z);inset-inline-end:var(--tinychat-offset-inline,var(--tinychat-offset-right,20px));
bottom:calc(var(--tinychat-offset-bottom,20px) + var(--tinychat-launcher-size,56px) + 16px + var(--tc-vv-bottom,0px));
width:min(var(--tinychat-panel-width,380px),calc(100vw - 32px));
height:min(var(--tinychat-panel-height,600px),calc(100vh - 120px));height:min(var(--tinychat-panel-height,600px),calc(var(--tc-vv-height,100dvh) - 120px));
border-radius:var(--tc-radius);box-shadow:var(--tc-shadow);border:1px solid var(--tc-border);
animation:tc-rise .18s ease-out}
@keyframes tc-rise{from{opacity:0;transform:translateY(8px)}to{opacity:1;transform:none}}
.tc-mode-fullscreen .tc-panel{position:fixed;inset:0;top:var(--tc-vv-top,0px);bottom:auto;z-index:var(--tc-z);height:100vh;height:var(--tc-vv-height,100dvh)}
.tc-mode-inline{height:100%}
.tc-mode-inline .tc-panel{position:relative;height:100%;min-height:var(--tinychat-inline-min-height,400px);border:1px solid var(--tc-border);border-radius:var(--tc-radius)}
@media (max-width:479.98px){
.tc-mode-bubble .tc-panel{inset:0;top:var(--tc-vv-top,0px);bottom:auto;width:100%;height:100vh;height:var(--tc-vv-height,100dvh);border-radius:0;border:0;animation:none}
.tc-mode-bubble[data-open=true] .tc-launcher{display:none}
}
.tc-mode-fullscreen .tc-panel,.tc-mode-bubble .tc-panel{padding:env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left)}
.tc-header{display:flex;align-items:center;gap:8px;min-height:52px;padding:8px 12px;border-bottom:1px solid var(--tc-border);flex:none}
.tc-title{flex:1;font-size:1.1em;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.tc-icon-button{display:inline-flex;align-items:center;justify-content:center;width:36px;height:36px;border-radius:50%}
.tc-icon-button:hover{background:var(--tc-bubble-bg)}
.tc-banner{flex:none;padding:6px 16px;background:var(--tc-bubble-bg);color:var(--tc-muted);font-size:.9em;text-align:center}
.tc-alert{flex:none;display:flex;gap:12px;align-items:flex-start;justify-content:space-between;padding:8px 16px;
color:var(--tc-danger);border-bottom:1px solid var(--tc-border)}
.tc-start-problem{flex:none;display:flex;flex-direction:column;align-items:flex-start;gap:10px;padding:16px}
.tc-panel:has(.tc-thread) .tc-start-problem{flex-direction:row;flex-wrap:wrap;align-items:center;gap:4px 12px;padding:8px 16px;border-bottom:1px solid var(--tc-border)}
.tc-panel:has(.tc-thread) .tc-start-hint{display:none}
.tc-start-hint{color:var(--tc-muted);font-size:.9em}
`;
