/** The gate script's first look for the bundled library, written at build time (see wxt.config.ts). */
declare module 'virtual:counterframe-first-look' {
  /** The patterns of the contexts in `mentions` (ContextPatterns, first-look.ts). */
  export const patterns: Record<string, RegExp>;
  /** The contexts the bundled library's claims need (GateData.mentions). */
  export const mentions: string[] | null;
  /** Every context's pattern, for the library with packs (the packs flag script brings them). */
  export const everyContext: Record<string, RegExp>;
}

/** Readability's readerable check on its own (the package's index brings all of Readability with it). */
declare module '@mozilla/readability/Readability-readerable.js' {
  const isProbablyReaderable: (doc: Document, options?: { minContentLength?: number; minScore?: number }) => boolean;
  export default isProbablyReaderable;
}
