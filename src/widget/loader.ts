/**
 * The widget loader (dist/widget/widget.js): the one script a site embeds.
 *
 *   <script src="https://koe.example/widget.js" data-workspace="…" data-user-id="…"
 *           data-user-hash="…" data-user-email="…" data-user-name="…" data-lang="ja" async></script>
 *
 * Kept tiny (its gzipped size is checked in CI): it reads the data-* attributes, asks
 * the server once per page which triggers to watch (and whether a survey is due now),
 * watches them (custom events, page URL, time on page), and loads the survey dialog
 * (app.js) only when the server says there is a survey to show.
 */
import type { WidgetTrigger } from '../shared/contracts/surveys.ts';
import type { WidgetCheckInput, WidgetCheckResult, WidgetSurvey } from '../shared/contracts/widget.ts';
import type { OpenContext } from './app.ts';

/** The app bundle's path with its content hash, set at build time (so it can be cached forever). */
declare const KOE_APP_PATH: string;

type Koe = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[]; loaded?: boolean };
type App = { open(survey: WidgetSurvey, context: OpenContext): void };

((win: Window & { koe?: Koe }) => {
  const script = (document.currentScript ??
    document.querySelector('script[data-workspace][src*="widget.js"]')) as HTMLScriptElement | null;
  if (!script || win.koe?.loaded) return;
  const data = script.dataset;
  const base = new URL(script.src).origin;
  const language = (data.lang || navigator.language || 'ja').slice(0, 2).toLowerCase();
  const started = Date.now();
  let triggers: WidgetTrigger[] | null = null;
  let waiting: string[] = [];
  let showing = false;

  const visitorId = () => {
    if (data.userId) return;
    try {
      const id = localStorage.getItem('koe.visitor') || crypto.randomUUID().replace(/-/g, '');
      localStorage.setItem('koe.visitor', id);
      return id;
    } catch {
      // Storage blocked: the server shows anonymous surveys only to visitors it can count.
    }
  };

  const show = (survey: WidgetSurvey) => {
    if (showing) return;
    showing = true;
    import(/* @vite-ignore */ base + KOE_APP_PATH).then(
      (app: App) => app.open(survey, { base, onClose: () => (showing = false) }),
      () => (showing = false),
    );
  };

  const check = async (extra: Partial<WidgetCheckInput>) => {
    if (showing) return;
    try {
      const response = await fetch(`${base}/api/v1/public/widget/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          workspaceId: data.workspace,
          userId: data.userId || undefined,
          userHash: data.userHash || undefined,
          userEmail: data.userEmail || undefined,
          userName: data.userName || undefined,
          visitorId: visitorId(),
          url: location.href,
          language,
          ...extra,
        }),
      });
      if (!response.ok) return;
      const result: WidgetCheckResult = await response.json();
      if (result.survey) show(result.survey);
      return result;
    } catch {
      // The host page must never break because Koe is unreachable.
    }
  };

  const fires = (test: (t: WidgetTrigger) => boolean | undefined) => triggers?.some(test);
  const track = (name: string) => {
    if (!triggers) waiting.push(name);
    else if (fires((t) => t.type === 'event' && t.name === name)) void check({ event: name });
  };
  const navigated = () => {
    if (fires((t) => t.type === 'url' && location.href.includes(t.contains))) void check({});
  };

  const koe: Koe = (command, value) => {
    if (command === 'track' && typeof value === 'string') track(value);
  };
  koe.loaded = true;
  const queued = win.koe?.q ?? [];
  win.koe = koe;
  for (const args of queued) koe(...Array.from(args));

  // Single-page apps change the URL without a page load.
  const push = history.pushState;
  history.pushState = function (...args) {
    push.apply(this, args);
    navigated();
  };
  addEventListener('popstate', navigated);

  void check({}).then((result) => {
    triggers = result?.triggers ?? [];
    for (const trigger of triggers) {
      if (trigger.type === 'time_on_page') {
        setTimeout(() => check({ seconds: trigger.seconds }), trigger.seconds * 1000 - (Date.now() - started));
      }
    }
    const events = waiting;
    waiting = [];
    for (const name of events) track(name);
  });
})(window);
