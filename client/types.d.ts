/** Type declarations for Cytoscape extensions that ship none. */
declare module "cytoscape-fcose" {
  const fcose: cytoscape.Ext;
  export default fcose;
}
declare module "cytoscape-svg" {
  const svg: cytoscape.Ext;
  export default svg;
}
// The package's `exports` map has no "types" condition; its declarations sit at src/codemirror.d.ts.
declare module "@neo4j-cypher/codemirror" {
  export * from "@neo4j-cypher/codemirror/src/codemirror.js";
}
