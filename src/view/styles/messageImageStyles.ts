/** An image message in the log: adopted when its chunk loads (images/lazyMessageImage.ts). */
export const messageImageStyles = `
.tc-msg-image-button{display:block;padding:0;border-radius:calc(var(--tc-radius) - 4px);cursor:zoom-in}
.tc-msg-image{display:block;max-width:100%;max-height:240px;border-radius:calc(var(--tc-radius) - 4px)}
`;
