// The API docs page: Swagger UI (from the jar's WebJar) over the kit's spec documents, as the admin API serves them
// with each operation's guarding rules and curl line in its description (ApiDocs). Nothing is fetched from elsewhere.
"use strict";

function missing(why) {
  document.getElementById("docs-why").textContent = why;
  document.getElementById("docs-missing").hidden = false;
}

document.addEventListener("DOMContentLoaded", async () => {
  if (typeof SwaggerUIBundle === "undefined" || typeof SwaggerUIStandalonePreset === "undefined") {
    missing("Swagger UI's files are not in this build (the org.webjars:swagger-ui jar is missing from the class path).");
    return;
  }
  try {
    const response = await fetch("/__admin/ota/docs/specs", { headers: { "Accept": "application/json" } });
    const index = await response.json();
    if (!response.ok) {
      throw new Error(index.error || "HTTP " + response.status);
    }
    const wanted = new URLSearchParams(location.search).get("document");
    const urls = index.documents.map(document => ({ name: document.name, url: document.url }));
    window.ui = SwaggerUIBundle({
      urls,
      "urls.primaryName": urls.some(entry => entry.name === wanted) ? wanted : urls[0].name,
      dom_id: "#swagger-ui",
      deepLinking: true,
      docExpansion: "list",
      defaultModelsExpandDepth: 0,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: "StandaloneLayout",
    });
  } catch (failed) {
    missing("the list of spec documents cannot be read: " + failed.message);
  }
});
