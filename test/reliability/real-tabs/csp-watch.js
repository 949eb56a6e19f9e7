// Collects every CSP / Trusted Types violation on the page, from the first script on.
window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.violations.push({
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}` : '',
    sample: event.sample,
  });
});
