// The types of tldts's minified ES module are the package's own (lib/checks/domains.ts says why it is imported).
declare module 'tldts/dist/index.esm.min.js' {
  export * from 'tldts';
}
