import { useEffect } from "preact/hooks";
import { ApiError, api } from "../api/client.ts";
import type { Me } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { type Lang, t } from "../i18n/index.ts";
import { FormStatus, useFormStatus } from "../ui/form-status.tsx";
import { Load } from "../ui/loading.tsx";

/** Profilo: my data (name, language), export, erase (DOMAIN rule 11). */
export function ProfileScreen({ onLang, onErased }: { onLang: (lang: Lang) => void; onErased: () => void }) {
  const texts = t();
  const [loaded, reload, replace] = useApi<Me>("/people/me");
  const [status, setStatus] = useFormStatus();
  useEffect(() => {
    document.title = `${texts.profileTitle} — Tavoli`;
  }, [texts]);
  async function save(me: Me, event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    try {
      const saved = await api<Me>("PATCH", "/people/me", {
        body: { name: String(form.get("name")).trim(), locale: form.get("locale") === "en" ? "en" : "it" },
      });
      replace(saved);
      if (saved.locale !== me.locale) onLang(saved.locale);
      setStatus({ ok: true, text: texts.savedPrefs });
    } catch (e) {
      setStatus({ ok: false, text: e instanceof ApiError ? e.message : texts.offline });
    }
  }
  async function erase() {
    if (!confirm(texts.eraseConfirm)) return;
    try {
      await api("DELETE", "/people/me");
      onErased();
    } catch (e) {
      setStatus({ ok: false, text: e instanceof ApiError ? e.message : texts.offline });
    }
  }
  return (
    <>
      <h1>{texts.profileTitle}</h1>
      <Load loaded={loaded} retry={reload}>
        {(me) => (
          <>
            <form class="card" onSubmit={(e) => save(me, e)}>
              <p class="card-meta">{me.email}</p>
              <div class="form-group">
                <label for="profile-name">{texts.name}</label>
                <input
                  id="profile-name"
                  name="name"
                  type="text"
                  required
                  maxLength={200}
                  value={me.name}
                  autoComplete="name"
                />
              </div>
              <div class="form-group">
                <label for="profile-locale">{texts.language}</label>
                <select id="profile-locale" name="locale" value={me.locale}>
                  <option value="it">Italiano</option>
                  <option value="en">English</option>
                </select>
              </div>
              <button type="submit" class="btn btn-primary">
                {texts.save}
              </button>
            </form>
            <div class="btn-row">
              <a class="btn" href="/api/v1/people/me/export" download="tavoli-miei-dati.json">
                {texts.exportData}
              </a>
              <button type="button" class="btn" onClick={erase}>
                {texts.erase}
              </button>
            </div>
          </>
        )}
      </Load>
      <FormStatus status={status} />
    </>
  );
}
