/**
 * The composer. The message box grows to a max-height and then scrolls; 16 px text under 480 px wide and on touch
 * screens stops iOS from zooming in on focus.
 */
export const composerStyles = `
.tc-composer{flex:none;display:flex;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid var(--tc-border)}
.tc-input{flex:1;min-width:0;resize:none;max-height:9em;overflow-y:auto;padding:8px 12px;line-height:1.4;
border:1px solid var(--tc-muted);border-radius:var(--tc-radius);background:var(--tc-bg);color:var(--tc-fg)}
.tc-input::placeholder{color:var(--tc-muted)}
.tc-send{flex:none;padding:8px 14px;border-radius:var(--tc-radius);background:var(--tc-accent);color:var(--tc-accent-fg);font-weight:600}
.tc-send[aria-disabled=true]{opacity:.5;cursor:not-allowed}
.tc-limit{flex:none;padding:6px 16px 0;font-size:.85em;color:var(--tc-muted);text-align:end}
.tc-limit[data-over=true]{color:var(--tc-danger);text-align:start}
@media (max-width:479.98px),(pointer:coarse){.tc-input{font-size:max(16px,1em)}}
`;
