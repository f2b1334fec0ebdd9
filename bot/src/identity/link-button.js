// The Slack identity-link page's button. A file, not inline script: the token comes from the URL, so it
// travels only as an escaped data- attribute and is never part of script text.
const button = document.getElementById("link");
button?.addEventListener("click", async () => {
  const { token, csrf, done, invalid } = button.dataset;
  const response = await fetch("/slack/link", {
    method: "POST",
    headers: { "content-type": "application/json", "x-csrf-token": csrf ?? "" },
    body: JSON.stringify({ token }),
  });
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  status.textContent = (response.ok ? done : invalid) ?? "";
  button.replaceWith(status);
});
