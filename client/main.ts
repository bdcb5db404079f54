/** Client entry point (placeholder until the explorer lands): shows the API's health. */
const app = document.querySelector<HTMLElement>("#app");
fetch("/api/health")
  .then((response) => response.json())
  .then((health) => {
    if (app) app.textContent = `Liaison — Neo4j ${health.neo4j?.version ?? "unavailable"}`;
  });
