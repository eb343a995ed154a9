/** The gate's data for the bundled library, computed at build time (see wxt.config.ts). */
declare module 'virtual:counterframe-gate' {
  const gate: import('./match/gate-words').GateData;
  export default gate;
}
