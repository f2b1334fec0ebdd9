// The home page's login form posts JSON (the API refuses form bodies). A file, not inline script, so the
// Content-Security-Policy can forbid inline script; the confirmation text comes from data-sent.
const form = document.getElementById("login");
form?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const email = form.elements.namedItem("email").value;
  await fetch("/api/v1/auth/login-links", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email }),
  });
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  status.textContent = form.dataset.sent ?? "";
  form.replaceWith(status);
});
