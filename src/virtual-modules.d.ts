/** The gate script's first look for the bundled library, written at build time (see wxt.config.ts). */
declare module 'virtual:counterframe-first-look' {
  export const patterns: import('./match/first-look').ContextPatterns;
  export const mentions: string[] | null;
}

/** Readability's readerable check on its own (the package's index brings all of Readability with it). */
declare module '@mozilla/readability/Readability-readerable.js' {
  const isProbablyReaderable: (doc: Document, options?: { minContentLength?: number; minScore?: number }) => boolean;
  export default isProbablyReaderable;
}
