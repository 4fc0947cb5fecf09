"use client";
// Settings → Notifications: a choice per kind, the digest's time zone, and "Send test" for e-mail
// (to the user's own address) and for a Slack incoming-webhook URL.
import { useMemo, useState } from "react";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { saveNotificationSettingsAction } from "@/lib/actions/notifications/save-settings";
import { sendTestNotificationAction } from "@/lib/actions/notifications/send-test";
import type { NotificationSettings } from "@/lib/types/alerts";
import {
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABEL,
  type NotificationDelivery,
} from "@/lib/values";

const DELIVERY_LABEL: Record<NotificationDelivery, string> = {
  immediate: "Immediately",
  digest: "In the daily digest",
  off: "Off",
};

// The weekly report is an e-mail of its own on Mondays whatever else is chosen: on or off.
const WEEKLY_CHOICES: { value: NotificationDelivery; label: string }[] = [
  { value: "immediate", label: "By e-mail, Mondays at 08:00" },
  { value: "off", label: "Off" },
];

// The runtime's list keeps some zones under their former names; people look for the current ones
// (both name the same zone, and both are accepted).
const CURRENT_ZONE_NAME: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Europe/Kiev": "Europe/Kyiv",
  "Atlantic/Faeroe": "Atlantic/Faroe",
};
const currentZone = (zone: string) => CURRENT_ZONE_NAME[zone] ?? zone;

/** UTC first, then every zone the runtime knows by its current name, in order. */
function zones(): string[] {
  try {
    return ["UTC", ...Intl.supportedValuesOf("timeZone").map(currentZone).sort()];
  } catch {
    return ["UTC"];
  }
}

export function NotificationSettingsForm({
  email,
  smtp,
  manager,
  initial,
}: {
  email: string;
  smtp: boolean;
  manager: boolean;
  initial: NotificationSettings;
}) {
  const browserZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const [preferences, setPreferences] = useState(initial.preferences);
  const [timeZone, setTimeZone] = useState(currentZone(initial.timeZone ?? browserZone ?? "UTC"));
  const [slackUrl, setSlackUrl] = useState("");
  const save = useAction();
  const test = useAction();
  const kinds = NOTIFICATION_KINDS.filter((k) => k !== "weekly" || manager);
  const zoneList = useMemo(() => {
    const list = zones();
    return list.includes(timeZone) ? list : [timeZone, ...list];
  }, [timeZone]);

  return (
    <div className="max-w-3xl space-y-6">
      {!smtp && (
        <p className="rounded-xl border border-warn-line bg-warn-soft p-4 text-sm" data-testid="smtp-missing">
          <strong>SMTP not configured.</strong> Holdfast sends no e-mail until an administrator sets SMTP_URL (and
          MAIL_FROM) and restarts it; notifications still reach your inbox.
        </p>
      )}
      <form
        className="space-y-5 rounded-xl border border-line bg-surface p-5"
        onSubmit={(event) => {
          event.preventDefault();
          void save.run(
            () => saveNotificationSettingsAction({ timeZone, preferences }),
            "Notification settings saved.",
          );
        }}
      >
        {kinds.map((kind) => (
          <fieldset key={kind} className="space-y-1">
            <legend className="font-medium">{NOTIFICATION_KIND_LABEL[kind]}</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              {(kind === "weekly"
                ? WEEKLY_CHOICES
                : NOTIFICATION_DELIVERIES.map((d) => ({ value: d, label: DELIVERY_LABEL[d] }))
              ).map(({ value, label }) => (
                <label key={value} className="inline-flex items-center gap-1.5">
                  <input
                    type="radio"
                    name={kind}
                    value={value}
                    checked={
                      kind === "weekly" && value === "immediate"
                        ? preferences[kind] !== "off"
                        : preferences[kind] === value
                    }
                    onChange={() => setPreferences((p) => ({ ...p, [kind]: value }))}
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div>
          <label htmlFor="time-zone" className="block font-medium">
            Time zone
          </label>
          <p className="text-sm text-muted">The daily digest goes out at 08:00 here; the weekly report on Mondays.</p>
          <select
            id="time-zone"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            className="mt-1 rounded-md border border-line bg-surface px-2 py-1.5 text-sm"
          >
            {zoneList.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={save.busy}
          className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink disabled:opacity-50"
        >
          Save
        </button>
        <ActionNotice message={save.message} onReload={save.reload} onDismiss={save.clear} />
      </form>

      <section aria-label="Send a test" className="space-y-4 rounded-xl border border-line bg-surface p-5">
        <h2 className="font-semibold">Send a test</h2>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <button
            type="button"
            disabled={test.busy || !smtp}
            onClick={() =>
              void test.run(
                () => sendTestNotificationAction({ channel: "email" }),
                (d) => `Test e-mail sent to ${d.sentTo}.`,
              )
            }
            className="rounded-md border border-line px-3 py-1.5 hover:bg-canvas disabled:opacity-50"
          >
            Send test e-mail
          </button>
          <span className="text-muted">to {email}</span>
        </div>
        <form
          className="flex flex-wrap items-end gap-3 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            void test.run(
              () => sendTestNotificationAction({ channel: "slack", url: slackUrl }),
              (d) => `Test post sent to ${d.sentTo}.`,
            );
          }}
        >
          <div className="min-w-72 flex-1">
            <label htmlFor="slack-url" className="block font-medium">
              Slack incoming-webhook URL
            </label>
            <input
              id="slack-url"
              type="url"
              required
              value={slackUrl}
              onChange={(e) => setSlackUrl(e.target.value)}
              placeholder="https://hooks.slack.com/services/…"
              className="mt-1 w-full rounded-md border border-line bg-surface px-2 py-1.5"
            />
          </div>
          <button
            type="submit"
            disabled={test.busy}
            className="rounded-md border border-line px-3 py-1.5 hover:bg-canvas disabled:opacity-50"
          >
            Send test post
          </button>
        </form>
        <ActionNotice message={test.message} onReload={test.reload} onDismiss={test.clear} />
      </section>
    </div>
  );
}
