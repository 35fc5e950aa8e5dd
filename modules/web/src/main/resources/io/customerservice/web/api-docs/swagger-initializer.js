// In place of the webjar's initializer, which loads the petstore from the internet: this
// service's document, from the same origin, and no call to the online validator.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api/schema/?format=json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    validatorUrl: null,
    displayRequestDuration: true
  });
};
