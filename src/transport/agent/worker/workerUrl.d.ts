// Vite's `?worker&url` import: the URL of a module bundled as a worker script of its own (vite/client declares it
// too, but the project's types are node's only).
declare module '*?worker&url' {
  const url: string;
  export default url;
}
