/**
 * An image message in the log: adopted when its chunk loads (images/lazyMessageImage.ts). The
 * frame's size is in the main sheet (threadStyles.ts), so the row has its height before this arrives; here, the
 * frame pulses until its image has loaded.
 */
export const messageImageStyles = `
.tc-msg-frame:not(:has([data-loaded],.tc-msg-note)){animation:tc-pulse 1s ease-in-out infinite alternate}
@keyframes tc-pulse{to{opacity:.55}}
@media (prefers-reduced-motion:reduce){.tc-msg-frame{animation:none!important}}
.tc-msg-frame .tc-msg-note{padding:8px}
.tc-msg-image-button{display:block;width:100%;height:100%;padding:0;cursor:zoom-in}
.tc-msg-image{display:block;width:100%;height:100%;object-fit:contain}
`;
