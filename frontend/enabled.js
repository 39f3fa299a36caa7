// Loaded as the first element of <body>, before anything is painted, as GOV.UK Frontend's own inline
// snippet would be: the Content-Security-Policy allows no inline script. GOV.UK Frontend styles and
// starts its components only under `govuk-frontend-supported`, set where ES modules are supported.
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
