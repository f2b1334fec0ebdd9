import type { ComponentChildren } from "preact";
import type { Loaded } from "../api/use-api.ts";
import { t } from "../i18n/index.ts";

/** Renders `children(data)` once loaded; a spinner text before; the error (or "offline") with a retry. */
export function Load<T>({
  loaded,
  retry,
  children,
}: {
  loaded: Loaded<T>;
  retry: () => void;
  children: (data: T) => ComponentChildren;
}) {
  const texts = t();
  if (loaded.state === "loading") return <p role="status">{texts.loading}</p>;
  if (loaded.state === "error")
    return (
      <div class="alert alert-danger" role="alert">
        <p>{loaded.offline ? texts.offline : `${texts.loadFailed} ${loaded.message}`}</p>
        <button type="button" class="btn" onClick={retry}>
          {texts.retry}
        </button>
      </div>
    );
  return <>{children(loaded.data)}</>;
}
