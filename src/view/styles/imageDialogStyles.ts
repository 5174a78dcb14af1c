/** The image shown larger: adopted when the dialog's chunk loads (MessageImage.tsx). */
export const imageDialogStyles = `
.tc-image-dialog{max-width:min(96vw,1200px);max-height:96vh;padding:8px;border:0;border-radius:var(--tc-radius);background:var(--tc-bg);color:var(--tc-fg);
box-shadow:var(--tc-shadow)}
.tc-image-dialog::backdrop{background:rgba(0,0,0,.7)}
.tc-image-full{display:block;max-width:100%;max-height:calc(96vh - 64px);margin:0 auto;object-fit:contain}
.tc-image-close{display:block;margin:8px auto 0;padding:6px 14px;border-radius:var(--tc-radius);background:var(--tc-accent);color:var(--tc-accent-fg);font-weight:600}
`;
