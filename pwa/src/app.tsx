import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { Session } from "./api/types.ts";
import { DATA_CHANGED, forgetCachedMeetings } from "./api/use-api.ts";
import { AppContext } from "./app-context.ts";
import { type Lang, setLang, t } from "./i18n/index.ts";
import { listOutbox, type OutboxEntry, startOutboxReplay } from "./outbox/index.ts";
import { type Route, useRoute } from "./router.ts";
import { AccessibilityScreen } from "./screens/accessibility.tsx";
import { ContributionsScreen } from "./screens/contributions.tsx";
import { LoginScreen } from "./screens/login.tsx";
import { MeetingScreen } from "./screens/meeting.tsx";
import { MeetingsScreen } from "./screens/meetings.tsx";
import { MinutesListScreen, MinutesScreen } from "./screens/minutes.tsx";
import { NotificationsScreen } from "./screens/notifications.tsx";
import { ProfileScreen } from "./screens/profile.tsx";
import { ReportsScreen } from "./screens/reports.tsx";
import { currentSession, logout, rememberReturnTo, takeReturnTo } from "./session.ts";
import { applyUpdate, registerServiceWorker } from "./sw-bridge.ts";
import { Layout } from "./ui/layout.tsx";
import { OutboxBanner } from "./ui/outbox-banner.tsx";

function Screen({
  route,
  onLang,
  onErased,
}: {
  route: Route;
  onLang: (l: Lang) => void;
  onErased: () => void;
}) {
  switch (route.name) {
    case "meetings":
      return <MeetingsScreen />;
    case "meeting":
      return <MeetingScreen id={route.id} key={route.id} />;
    case "contributions":
      return <ContributionsScreen />;
    case "reports":
      return <ReportsScreen />;
    case "minutes":
      return route.meetingId ? (
        <MinutesScreen meetingId={route.meetingId} key={route.meetingId} />
      ) : (
        <MinutesListScreen />
      );
    case "notifications":
      return <NotificationsScreen />;
    case "profile":
      return <ProfileScreen onLang={onLang} onErased={onErased} />;
    case "accessibility":
      return <AccessibilityScreen />;
    default:
      return <p>{t().notFound}</p>;
  }
}

/** The app: the session, the outbox and its replay, the service worker's update prompt, the screens. */
export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [, setLangState] = useState<Lang>("it");
  const [outbox, setOutbox] = useState<OutboxEntry[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const [updateReady, setUpdateReady] = useState(false);
  // Entries that left the outbox were sent (by this page's replay or the worker's): the screens' data,
  // and the worker's cached copies of them, predate those writes.
  const listed = useRef(new Set<string>());
  const refreshOutbox = useCallback(() => {
    listOutbox().then(
      async (entries) => {
        const now = new Set(entries.map((e) => e.id));
        const left = [...listed.current].some((id) => !now.has(id));
        listed.current = now;
        setOutbox(entries);
        if (left) {
          await forgetCachedMeetings();
          window.dispatchEvent(new Event(DATA_CHANGED));
        }
      },
      () => {},
    );
  }, []);
  const changeLang = useCallback((value: Lang) => {
    setLang(value);
    setLangState(value);
  }, []);

  useEffect(() => {
    registerServiceWorker({
      onUpdate: () => setUpdateReady(true),
      onNavigate: (url) => {
        location.hash = new URL(url, location.href).hash || "#/meetings";
      },
    });
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    currentSession().then(setSession, () => setSession(null));
  }, []);

  useEffect(() => {
    if (!session) return;
    const back = takeReturnTo();
    if (back) location.hash = back;
    startOutboxReplay(refreshOutbox);
  }, [session, refreshOutbox]);

  useEffect(() => {
    if (session === null) rememberReturnTo(location.hash);
  }, [session]);

  // A new screen takes the focus to its content, so keyboard and screen-reader users start there (not on
  // the link they left behind); the first screen keeps the browser's own start.
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    document.getElementById("main")?.focus();
  }, [route]);

  const updateBar = updateReady ? (
    <div class="update-bar" role="status">
      <span>{t().updateAvailable}</span>
      <button type="button" class="btn btn-primary" onClick={applyUpdate}>
        {t().update}
      </button>
    </div>
  ) : null;

  if (session === undefined)
    return (
      <Layout route={null} onLang={changeLang}>
        <p role="status">{t().loading}</p>
      </Layout>
    );
  if (session === null)
    return (
      <Layout route={null} onLang={changeLang}>
        {route.name === "accessibility" ? <AccessibilityScreen /> : <LoginScreen />}
      </Layout>
    );
  return (
    <AppContext.Provider value={{ session, outbox, refreshOutbox, online }}>
      <Layout
        route={route}
        onLang={changeLang}
        onLogout={async () => {
          await logout();
          setSession(null);
        }}
      >
        <OutboxBanner />
        <Screen route={route} onLang={changeLang} onErased={() => setSession(null)} />
      </Layout>
      {updateBar}
    </AppContext.Provider>
  );
}
