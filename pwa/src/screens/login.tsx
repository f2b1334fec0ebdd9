import { useEffect, useState } from "preact/hooks";
import { ApiError, api } from "../api/client.ts";
import { t } from "../i18n/index.ts";
import { FormStatus, useFormStatus } from "../ui/form-status.tsx";

/** Login by magic link: the mail's link lands on /auth/verify, which signs in and comes back to the app. */
export function LoginScreen() {
  const texts = t();
  const [email, setEmail] = useState("");
  const [status, setStatus] = useFormStatus();
  useEffect(() => {
    document.title = `${texts.loginTitle} — Tavoli`;
  }, [texts]);
  async function submit(event: Event) {
    event.preventDefault();
    try {
      const answer = await api<{ message: string }>("POST", "/auth/login-links", {
        body: { email: email.trim() },
      });
      setStatus({ ok: true, text: answer.message || texts.linkSent });
    } catch (e) {
      setStatus({ ok: false, text: e instanceof ApiError ? e.message : texts.offline });
    }
  }
  return (
    <>
      <h1>{texts.loginTitle}</h1>
      <p>{texts.loginIntro}</p>
      <form class="card" onSubmit={submit} id="login">
        <div class="form-group">
          <label for="login-email">{texts.email}</label>
          <input
            id="login-email"
            type="email"
            required
            autoComplete="email"
            value={email}
            onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="btn btn-primary">
          {texts.sendLink}
        </button>
      </form>
      <FormStatus status={status} />
    </>
  );
}
