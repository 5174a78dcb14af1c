/** The upload tray (previews, progress, refusals): adopted when its chunk loads (images/lazyUploadTray.ts). */
export const uploadStyles = `
.tc-uploads{flex:none;padding:6px 12px;border-top:1px solid var(--tc-border);font-size:.9em}
.tc-uploads .tc-msg-failed{font-size:1em}
.tc-upload-refusal{display:flex;align-items:baseline;justify-content:space-between;gap:8px;color:var(--tc-danger);padding:2px 0}
.tc-upload-buttons .tc-link-button{min-height:24px}
.tc-upload-list{display:flex;flex-direction:column;gap:6px}
.tc-upload{display:flex;align-items:center;gap:8px}
.tc-upload-preview{flex:none;display:block;width:48px;height:48px;object-fit:cover;border-radius:6px;background:var(--tc-bubble-bg)}
.tc-upload-body{flex:1;min-width:0;display:flex;flex-direction:column;gap:2px}
.tc-upload-progress{width:100%;height:8px;accent-color:var(--tc-accent)}
.tc-upload-buttons{display:flex;gap:12px}
`;
