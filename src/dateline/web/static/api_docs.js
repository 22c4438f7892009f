// Starts Swagger UI on /api/docs from a file, not an inline script, so the page keeps script-src 'self'.
(function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.spec,
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,          // the default validator is an online service; we stay offline
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
})();
