// `custom-elements-manifest analyze` (run by scripts/build.ts) reads the element's class and its JSDoc tags; the
// plugin points the manifest at the file that ships and leaves out what no adopter can use.
const shipped = 'dist/tinychat.mjs';

export default {
  globs: ['src/element/TinyChatElement.ts'],
  plugins: [
    {
      name: 'tinychat:shipped-paths',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          mod.path = shipped;
          for (const declaration of mod.declarations ?? []) {
            if (declaration.superclass?.name === 'Base') declaration.superclass = { name: 'HTMLElement', package: 'global:' };
            if (declaration.members) declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
          }
          for (const entry of mod.exports ?? []) if (entry.declaration) entry.declaration.module = shipped;
        }
      },
    },
  ],
};
