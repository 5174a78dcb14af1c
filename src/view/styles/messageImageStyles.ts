/** An image message in the log (issue 6, item 2): adopted when its chunk loads (images/lazyMessageImage.ts). */
export const messageImageStyles = `
.tc-msg-image-button{display:block;width:100%;height:100%;padding:0;cursor:zoom-in}
.tc-msg-image{display:block;width:100%;height:100%;object-fit:contain}
`;
